package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.InvalidInput;

/** An uploaded transcript file: its bytes decoded, its format told from its content, its cues read. */
public final class TranscriptFiles {

    private TranscriptFiles() {
    }

    /** The cues found; {@link InvalidInput} on "file" when the bytes are no transcript we can read. */
    public static ParsedTranscript read(byte[] body) {
        var text = TranscriptDecoding.text(body);
        if (text.isBlank()) {
            throw TranscriptDecoding.refused("is empty: there is no transcript in it");
        }
        var format = TranscriptFormat.detect(text).orElseThrow(() -> TranscriptDecoding.refused(
                "is in no format Chapitre reads: send WebVTT (starting with 'WEBVTT'), SRT (numbered blocks timed"
                        + " '00:00:01,000 --> 00:00:04,000'), the Podcasting 2.0 JSON, or text whose paragraphs start with"
                        + " a time such as [00:00:00]"));
        return format.read(text);
    }
}
