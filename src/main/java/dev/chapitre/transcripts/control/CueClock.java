package dev.chapitre.transcripts.control;

/** Times as the formats write them, from milliseconds and back. */
final class CueClock {

    private CueClock() {
    }

    /** 01:02:03.456 (WebVTT), or with a comma (SRT). */
    static String format(long ms, char separator) {
        // written by hand: String.format was most of the time spent writing a long transcript
        var clock = new StringBuilder(12);
        long hours = ms / 3_600_000;
        if (hours < 10) {
            clock.append('0');
        }
        clock.append(hours).append(':');
        digits(clock, ms / 60_000 % 60, 2).append(':');
        digits(clock, ms / 1000 % 60, 2).append(separator);
        return digits(clock, ms % 1000, 3).toString();
    }

    private static StringBuilder digits(StringBuilder out, long value, int width) {
        var text = Long.toString(value);
        return out.append("000", 0, width - text.length()).append(text);
    }

    /** {@code fraction}: the digits after the separator, a decimal fraction of a second ("5" is 500 ms), or null. */
    static long ms(String hours, String minutes, String seconds, String fraction) {
        long h = hours == null ? 0 : Long.parseLong(hours);
        long f = fraction == null ? 0 : Long.parseLong((fraction + "00").substring(0, 3));
        return h * 3_600_000 + Long.parseLong(minutes) * 60_000 + Long.parseLong(seconds) * 1000 + f;
    }
}
