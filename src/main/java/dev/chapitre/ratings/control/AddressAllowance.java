package dev.chapitre.ratings.control;

import java.time.Duration;
import java.time.Instant;

/**
 * How many new ratings of one target may come from one address (IPv4 host or IPv6 /64) within a
 * day and count at once; the ones after wait for the producer's review. The day is the last 24
 * hours, not the calendar day, so that midnight does not hand out a second allowance at once.
 * Zero holds every new rating.
 */
public record AddressAllowance(int perDay) {

    public static final Duration DAY = Duration.ofHours(24);

    public AddressAllowance {
        perDay = Math.max(0, perDay);
    }

    /** Ratings created at or after this instant count against the allowance. */
    public Instant windowStart(Instant now) {
        return now.minus(DAY);
    }

    /** Whether a new rating, after {@code earlier} ones from its address in the window, waits for review. */
    public boolean holds(long earlier) {
        return earlier >= perDay;
    }
}
