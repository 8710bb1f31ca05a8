package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.Message;
import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.regex.Pattern;

/**
 * WebVTT (W3C): a {@code WEBVTT} header, then blocks separated by blank lines. Comment, style and
 * region blocks are skipped; a cue is an optional identifier, a timing line and its text. A timing
 * that does not parse is a problem on its line, and reading goes on with the next block.
 */
final class WebVtt {

    private static final String TIME = "(?:(\\d{2,5}):)?([0-5]\\d):([0-5]\\d)\\.(\\d{3})";
    private static final Pattern TIMING = Pattern.compile(TIME + "[ \\t]+-->[ \\t]+" + TIME + "(?:[ \\t].*)?");
    /** A timing line as the producer reads it in a refusal. */
    private static final String TIMING_WRITTEN = "hh:mm:ss.ttt --> hh:mm:ss.ttt";
    private static final Pattern SKIPPED_BLOCK = Pattern.compile("(?:NOTE|STYLE|REGION)(?:[ \\t].*)?");

    private WebVtt() {
    }

    static ParsedTranscript read(String text) {
        var lines = TextLines.of(text);
        var read = new ReadCues();
        int n = 0;
        if (lines.get(0).startsWith("WEBVTT")) {
            n = endOfBlock(lines, 0);
        } else {
            read.fileProblem(Message.of("transcripts.vtt.noHeader"));
        }
        while (n < lines.size()) {
            if (lines.get(n).isBlank()) {
                n++;
                continue;
            }
            int end = endOfBlock(lines, n);
            readBlock(lines, n, end, read);
            n = end;
        }
        read.labelSpeakers();
        return read.result(TranscriptFormat.VTT);
    }

    /** The index after the last line of the block starting at {@code from}. */
    private static int endOfBlock(List<String> lines, int from) {
        int n = from;
        while (n < lines.size() && !lines.get(n).isBlank()) {
            n++;
        }
        return n;
    }

    private static void readBlock(List<String> lines, int from, int end, ReadCues read) {
        var first = lines.get(from).strip();
        if (SKIPPED_BLOCK.matcher(first).matches()) {
            return;
        }
        int timing = first.contains("-->") ? from : from + 1;
        if (timing >= end || !lines.get(timing).contains("-->")) {
            read.problem(from + 1, "timing", Message.of("transcripts.timing.missing", ReadCues.abbreviated(first), TIMING_WRITTEN));
            return;
        }
        var line = lines.get(timing).strip();
        var m = TIMING.matcher(line);
        if (!m.matches()) {
            read.problem(timing + 1, "timing", Message.of("transcripts.timing.unreadable", ReadCues.abbreviated(line), TIMING_WRITTEN));
            return;
        }
        var spoken = VttPayload.read(String.join("\n", lines.subList(timing + 1, end)));
        read.add(new Cue(CueClock.ms(m.group(1), m.group(2), m.group(3), m.group(4)),
                CueClock.ms(m.group(5), m.group(6), m.group(7), m.group(8)), spoken.voice(), spoken.text()), timing + 1);
    }

    static String write(List<Cue> cues) {
        var out = new StringBuilder(cues.size() * 80).append("WEBVTT\n");
        for (var cue : cues) {
            var voice = cue.speaker().map(name -> "<v " + VttPayload.escaped(name) + ">").orElse("");
            for (var part : CaptionLayout.parts(cue, "")) {
                out.append('\n').append(CueClock.format(part.startMs(), '.')).append(" --> ")
                        .append(CueClock.format(part.endMs(), '.')).append('\n');
                for (int i = 0; i < part.lines().size(); i++) {
                    out.append(i == 0 ? voice : "").append(VttPayload.escaped(part.lines().get(i))).append('\n');
                }
            }
        }
        return out.toString();
    }
}
