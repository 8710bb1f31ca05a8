package dev.chapitre.feeds.control.podcastindex.io;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleGenerator;
import dev.chapitre.feeds.control.podcastindex.PodcastIndexModule;
import java.math.BigDecimal;
import java.util.Set;
import org.jdom2.Element;
import org.jdom2.Namespace;

/** Writes {@link PodcastIndexModule} as {@code podcast:} elements of a channel or an item. */
public class PodcastIndexGenerator implements ModuleGenerator {

    static final Namespace NS = Namespace.getNamespace(PodcastIndexModule.PREFIX, PodcastIndexModule.URI);

    @Override
    public String getNamespaceUri() {
        return PodcastIndexModule.URI;
    }

    @Override
    public Set<Namespace> getNamespaces() {
        return Set.of(NS);
    }

    @Override
    public void generate(Module module, Element parent) {
        var m = (PodcastIndexModule) module;
        if (m.getGuid() != null) {
            parent.addContent(element("guid", m.getGuid()));
        }
        if (m.getLocked() != null) {
            var locked = element("locked", m.getLocked() ? "yes" : "no");
            attribute(locked, "owner", m.getLockedOwner());
            parent.addContent(locked);
        }
        if (m.getMedium() != null) {
            parent.addContent(element("medium", m.getMedium()));
        }
        if (m.getSeason() != null) {
            var season = element("season", m.getSeason().toString());
            attribute(season, "name", m.getSeasonName());
            parent.addContent(season);
        }
        if (m.getEpisode() != null) {
            var episode = element("episode", BigDecimal.valueOf(m.getEpisode()).stripTrailingZeros().toPlainString());
            attribute(episode, "display", m.getEpisodeDisplay());
            parent.addContent(episode);
        }
        if (m.getChaptersUrl() != null) {
            var chapters = new Element("chapters", NS);
            attribute(chapters, "url", m.getChaptersUrl());
            attribute(chapters, "type", m.getChaptersType());
            parent.addContent(chapters);
        }
        for (var person : m.getPersons()) {
            var element = element("person", person.getName());
            attribute(element, "role", person.getRole());
            attribute(element, "group", person.getGroup());
            attribute(element, "img", person.getImg());
            attribute(element, "href", person.getHref());
            parent.addContent(element);
        }
        for (var txt : m.getTxt()) {
            var element = element("txt", txt.text());
            attribute(element, "purpose", txt.purpose());
            parent.addContent(element);
        }
        for (var transcript : m.getTranscripts()) {
            var element = new Element("transcript", NS);
            attribute(element, "url", transcript.url());
            attribute(element, "type", transcript.type());
            attribute(element, "language", transcript.language());
            attribute(element, "rel", transcript.rel());
            parent.addContent(element);
        }
    }

    private static Element element(String name, String text) {
        return new Element(name, NS).setText(text);
    }

    private static void attribute(Element element, String name, String value) {
        if (value != null) {
            element.setAttribute(name, value);
        }
    }
}
