package dev.chapitre.feeds.control;

import com.rometools.modules.itunes.ITunes;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Where Rome's iTunes module lags Apple's current rules, fixed in the generated document:
 * {@code itunes:explicit} is "true"/"false" (Rome writes the retired "yes"/"no"),
 * {@code itunes:duration} is in whole seconds (Apple's recommended form; Rome writes HH:MM:SS),
 * and the empty {@code itunes:keywords} Rome always adds is left out.
 */
final class ITunesConventions {

    private static final Namespace ITUNES = Namespace.getNamespace(ITunes.URI);

    private ITunesConventions() {
    }

    static void apply(Document document) {
        var channel = document.getRootElement().getChild("channel");
        fix(channel);
        channel.getChildren("item").forEach(ITunesConventions::fix);
    }

    private static void fix(Element parent) {
        for (var explicit : parent.getChildren("explicit", ITUNES)) {
            var text = explicit.getTextTrim();
            explicit.setText("yes".equals(text) || "true".equals(text) || "explicit".equals(text) ? "true" : "false");
        }
        for (var duration : parent.getChildren("duration", ITUNES)) {
            duration.setText(Long.toString(seconds(duration.getTextTrim())));
        }
        parent.getChildren("keywords", ITUNES).removeIf(keywords -> keywords.getTextTrim().isEmpty());
    }

    /** "01:02:03" → 3723; Rome rounds to the second already. */
    private static long seconds(String hms) {
        long total = 0;
        for (var part : hms.split(":")) {
            total = total * 60 + Long.parseLong(part);
        }
        return total;
    }
}
