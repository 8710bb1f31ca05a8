package dev.chapitre.transcripts.control;

import dev.chapitre.platform.entity.Message;
import dev.chapitre.transcripts.entity.Cue;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SubRip (SRT): numbered blocks separated by blank lines, {@code 00:00:01,000 --> 00:00:02,500},
 * then the text. Many tools write a dot for the comma, drop the hours or garble the number: all
 * read, as none of it changes a time. Italic/bold/font tags and {\an8} positions are presentation.
 */
final class SubRip {

    private static final String TIME = "(?:(\\d{1,5}):)?([0-5]\\d):([0-5]\\d)[,.](\\d{3})";
    private static final Pattern TIMING = Pattern.compile(TIME + "[ \\t]*-->[ \\t]*" + TIME + "(?:[ \\t].*)?");
    /** A timing line as the producer reads it in a refusal. */
    private static final String TIMING_WRITTEN = "hh:mm:ss,ttt --> hh:mm:ss,ttt";
    private static final Pattern MARKUP = Pattern.compile("</?(?:i|b|u|s|font)(?:\\s[^<>]*)?>|\\{\\\\[^{}]*\\}", Pattern.CASE_INSENSITIVE);

    private SubRip() {
    }

    static ParsedTranscript read(String text) {
        var lines = TextLines.of(text);
        var read = new ReadCues();
        int n = 0;
        while (n < lines.size()) {
            if (lines.get(n).isBlank()) {
                n++;
                continue;
            }
            int end = n;
            while (end < lines.size() && !lines.get(end).isBlank()) {
                end++;
            }
            readBlock(lines, n, end, read);
            n = end;
        }
        read.labelSpeakers();
        return read.result(TranscriptFormat.SRT);
    }

    private static void readBlock(List<String> lines, int from, int end, ReadCues read) {
        var first = lines.get(from).strip();
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
        var body = MARKUP.matcher(String.join("\n", lines.subList(timing + 1, end))).replaceAll("").strip();
        read.add(new Cue(CueClock.ms(m.group(1), m.group(2), m.group(3), m.group(4)),
                CueClock.ms(m.group(5), m.group(6), m.group(7), m.group(8)), Optional.empty(), body), timing + 1);
    }

    static String write(List<Cue> cues) {
        var out = new StringBuilder(cues.size() * 80);
        int number = 0;
        for (var cue : cues) {
            for (var part : CaptionLayout.parts(cue, cue.speaker().map(name -> name + ": ").orElse(""))) {
                if (number > 0) {
                    out.append('\n');
                }
                out.append(++number).append('\n').append(CueClock.format(part.startMs(), ',')).append(" --> ")
                        .append(CueClock.format(part.endMs(), ',')).append('\n');
                part.lines().forEach(line -> out.append(line).append('\n'));
            }
        }
        return out.toString();
    }
}
