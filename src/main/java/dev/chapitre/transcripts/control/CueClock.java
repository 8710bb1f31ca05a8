package dev.chapitre.transcripts.control;

/** Times as the formats write them, from milliseconds and back. */
final class CueClock {

    private CueClock() {
    }

    /** 01:02:03.456 (WebVTT), or with a comma (SRT). */
    static String format(long ms, char separator) {
        return "%02d:%02d:%02d%c%03d".formatted(ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60, separator, ms % 1000);
    }

    /** {@code fraction}: the digits after the separator, a decimal fraction of a second ("5" is 500 ms), or null. */
    static long ms(String hours, String minutes, String seconds, String fraction) {
        long h = hours == null ? 0 : Long.parseLong(hours);
        long f = fraction == null ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        return h * 3_600_000 + Long.parseLong(minutes) * 60_000 + Long.parseLong(seconds) * 1000 + f;
    }
}
