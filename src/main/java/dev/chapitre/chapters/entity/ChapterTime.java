package dev.chapitre.chapters.entity;

/** Chapter times as people write them: HH:MM:SS.mmm. */
public final class ChapterTime {

    private ChapterTime() {
    }

    public static String format(long ms) {
        long hours = ms / 3_600_000;
        long minutes = ms / 60_000 % 60;
        long seconds = ms / 1000 % 60;
        // by hand: String.format was an eighth of the time of building a 500-episode feed
        var text = new StringBuilder(12);
        padded(text, hours, 2).append(':');
        padded(text, minutes, 2).append(':');
        padded(text, seconds, 2).append('.');
        return padded(text, ms % 1000, 3).toString();
    }

    private static StringBuilder padded(StringBuilder text, long value, int width) {
        var digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        return text.append(digits);
    }

    /** Float seconds (the Podcasting 2.0 JSON's unit) to whole milliseconds. */
    public static long fromSeconds(double seconds) {
        return Math.round(seconds * 1000);
    }

    public static double toSeconds(long ms) {
        return ms / 1000.0;
    }
}
