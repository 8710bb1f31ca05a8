package dev.chapitre.platform.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Every {@link Instant} attribute is stored as microseconds since the epoch (BIGINT). The
 * EclipseLink that Payara 6 bundles predates JPA 3.2's Instant support and would otherwise store
 * it as a serialized Java object, which SQL can neither read nor compare; a time-zone-free number
 * avoids the DST gaps that a TIMESTAMP column read through the JVM's zone can hit. Microseconds
 * are the precision of {@code Instant.now()} on Linux; entities take their times from {@link #now()}
 * and {@link #stored(Instant)} so that a value reads back exactly as it was first answered.
 */
@Converter(autoApply = true)
public class InstantColumn implements AttributeConverter<Instant, Long> {

    /** Now, to the precision that is stored. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    /** The instant as it will read back from the database. */
    public static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    @Override
    public Instant convertToEntityAttribute(Long micros) {
        return micros == null ? null : Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
    }
}
