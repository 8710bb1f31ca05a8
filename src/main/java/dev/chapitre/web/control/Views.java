package dev.chapitre.web.control;

import java.util.List;

/**
 * What the pages show, prepared and formatted for one locale: the JSPs only place and escape
 * these values. Absent values are empty strings, which JSP tests with {@code empty}.
 */
public final class Views {

    private Views() {
    }

    /** An average as shown ("4,2" in French), its exact value, and how many ratings; {@code count} 0 means none yet. */
    public record RatingView(String average, double value, long count) {
    }

    public record Link(String name, String url) {
    }

    public record EpisodeItem(String slug, String title, String date, String isoDate, String duration, String url) {
    }

    /** {@code imageUrl}: the chapter's stored image, or empty. */
    public record ChapterItem(int number, double startSeconds, String start, String title, String url, String imageUrl) {
    }

    public record PersonItem(String name, String role, String href) {
    }

    public record ShowCard(String slug, String title, String author, String artworkUrl, String summary, String url,
                           String feedUrl, RatingView rating) {
    }

    public record ShowPage(ShowCard show, String descriptionHtml, String feedUrl, List<Link> subscribe,
                           List<EpisodeItem> episodes, int page, int pageCount, String jsonLd, CommentsView comments) {
    }

    /** One page of the published listener comments, newest first; {@code page} counts from 1. */
    public record CommentsView(List<CommentItem> items, int page, int pageCount, long count) {

        public static final CommentsView NONE = new CommentsView(List.of(), 1, 1, 0);
    }

    /** A listener's comment as published: plain text (the page escapes it and keeps its line breaks). */
    public record CommentItem(int stars, String text, String date, String isoDate) {
    }

    public record EpisodePage(ShowCard show, String feedUrl, String slug, String title, String date, String isoDate,
                              String duration, String audioUrl, String imageUrl, String notesHtml, String summary,
                              List<ChapterItem> chapters, List<PersonItem> persons, List<EpisodeItem> others,
                              RatingView rating, String url, String jsonLd, TranscriptView transcript, CommentsView comments) {
    }

    /** The transcript to read along with, in its {@code language}; no sections when the episode has none. */
    public record TranscriptView(String language, List<TranscriptSection> sections, List<Link> downloads) {

        public static final TranscriptView NONE = new TranscriptView("", List.of(), List.of());

        /** About how many characters it holds, for a cache's budget. */
        public long size() {
            return sections.stream().flatMap(section -> section.paragraphs().stream())
                    .mapToLong(paragraph -> paragraph.cuesHtml().length() + 64).sum();
        }
    }

    /** The transcript under one chapter's heading; before the first chapter, an empty title. */
    public record TranscriptSection(String title, double startSeconds, String start, List<TranscriptParagraph> paragraphs) {
    }

    /**
     * {@code speaker} where a turn opens, else empty; {@code cuesHtml}: the paragraph's cues as spans,
     * escaped once when the view is built, so that a long transcript costs the page one write per paragraph.
     */
    public record TranscriptParagraph(double startSeconds, String start, String speaker, String speakerHref, String cuesHtml) {
    }
}
