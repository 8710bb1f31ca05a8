package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.InvalidInput;
import dev.chapitre.platform.entity.Message;

/** An uploaded transcript file: its bytes decoded, its format told from its content, its cues read. */
public final class TranscriptFiles {

    private TranscriptFiles() {
    }

    /** The cues found; {@link InvalidInput} on "file" when the bytes are no transcript we can read. */
    public static ParsedTranscript read(byte[] body) {
        var text = TranscriptDecoding.text(body);
        if (text.isBlank()) {
            throw TranscriptDecoding.refused(Message.of("transcripts.file.empty"));
        }
        var format = TranscriptFormat.detect(text).orElseThrow(() -> TranscriptDecoding.refused(Message.of("transcripts.file.unknownFormat")));
        return format.read(text);
    }
}
