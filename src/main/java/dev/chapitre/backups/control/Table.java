package dev.chapitre.backups.control;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A table as the database describes it: its columns in order, the columns its rows are written in
 * order of (the primary key, or every column where there is none, so the same content always gives
 * the same archive), and the tables its foreign keys point to.
 */
public record Table(String name, List<Column> columns, List<String> orderBy, Set<String> parents) {

    public Table {
        columns = List.copyOf(columns);
        orderBy = List.copyOf(orderBy);
        parents = Set.copyOf(parents);
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public Optional<Column> identity() {
        return columns.stream().filter(Column::identity).findFirst();
    }
}
