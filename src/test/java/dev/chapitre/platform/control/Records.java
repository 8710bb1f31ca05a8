package dev.chapitre.platform.control;

import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/** Copies of a record with one component changed, so rule tests can try every field in turn. */
public final class Records {

    private Records() {
    }

    public static List<String> textComponents(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getType() == String.class).map(RecordComponent::getName).toList();
    }

    public static Object get(Record record, String name) {
        return invoke(component(record.getClass(), name), record);
    }

    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R record, String name, Object value) {
        var components = record.getClass().getRecordComponents();
        var values = Arrays.stream(components).map(c -> c.getName().equals(name) ? value : invoke(c, record)).toArray();
        var types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return (R) record.getClass().getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RecordComponent component(Class<?> type, String name) {
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }

    private static Object invoke(RecordComponent component, Record record) {
        try {
            return component.getAccessor().invoke(record);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
