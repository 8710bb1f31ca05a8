package dev.chapitre.chapters.entity;

/** Chapter times as people write them: HH:MM:SS.mmm. */
public final class ChapterTime {

    private ChapterTime() {
    }

    public static String format(long ms) {
        long hours = ms / 3_600_000;
        long minutes = ms / 60_000 % 60;
        long seconds = ms / 1000 % 60;
        return String.format("%02d:%02d:%02d.%03d", hours, minutes, seconds, ms % 1000);
    }

    /** Float seconds (the Podcasting 2.0 JSON's unit) to whole milliseconds. */
    public static long fromSeconds(double seconds) {
        return Math.round(seconds * 1000);
    }

    public static double toSeconds(long ms) {
        return ms / 1000.0;
    }
}
