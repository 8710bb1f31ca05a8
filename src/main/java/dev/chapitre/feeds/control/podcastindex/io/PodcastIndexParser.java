package dev.chapitre.feeds.control.podcastindex.io;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.io.ModuleParser;
import dev.chapitre.feeds.control.podcastindex.PodcastIndexModule;
import dev.chapitre.feeds.control.podcastindex.PodcastIndexModuleImpl;
import dev.chapitre.feeds.control.podcastindex.types.PodcastPerson;
import dev.chapitre.feeds.control.podcastindex.types.PodcastTranscript;
import dev.chapitre.feeds.control.podcastindex.types.PodcastTxt;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Element;

/**
 * Reads the {@code podcast:} elements of a channel or an item into a {@link PodcastIndexModule};
 * no module when there are none. Malformed numbers are skipped, as feed readers must be lenient.
 */
public class PodcastIndexParser implements ModuleParser {

    private static final String DEFAULT_ROLE = "host";
    private static final String DEFAULT_GROUP = "cast";

    @Override
    public String getNamespaceUri() {
        return PodcastIndexModule.URI;
    }

    @Override
    public Module parse(Element element, Locale locale) {
        var ns = PodcastIndexGenerator.NS;
        if (element.getChildren().stream().noneMatch(child -> ns.getURI().equals(child.getNamespaceURI()))) {
            return null;
        }
        var module = new PodcastIndexModuleImpl();
        text(element.getChild("guid", ns)).ifPresent(module::setGuid);
        var locked = element.getChild("locked", ns);
        if (locked != null) {
            module.setLocked("yes".equalsIgnoreCase(locked.getTextTrim()));
            module.setLockedOwner(locked.getAttributeValue("owner"));
        }
        text(element.getChild("medium", ns)).ifPresent(module::setMedium);
        var season = element.getChild("season", ns);
        if (season != null) {
            number(season.getTextTrim()).ifPresent(n -> module.setSeason(n.intValue()));
            module.setSeasonName(season.getAttributeValue("name"));
        }
        var episode = element.getChild("episode", ns);
        if (episode != null) {
            number(episode.getTextTrim()).ifPresent(module::setEpisode);
            module.setEpisodeDisplay(episode.getAttributeValue("display"));
        }
        var chapters = element.getChild("chapters", ns);
        if (chapters != null) {
            module.setChaptersUrl(chapters.getAttributeValue("url"));
            module.setChaptersType(chapters.getAttributeValue("type"));
        }
        for (var person : element.getChildren("person", ns)) {
            module.getPersons().add(new PodcastPerson(person.getTextTrim(),
                    person.getAttributeValue("role", DEFAULT_ROLE), person.getAttributeValue("group", DEFAULT_GROUP),
                    person.getAttributeValue("href"), person.getAttributeValue("img")));
        }
        for (var txt : element.getChildren("txt", ns)) {
            module.getTxt().add(new PodcastTxt(txt.getAttributeValue("purpose"), txt.getTextTrim()));
        }
        for (var transcript : element.getChildren("transcript", ns)) {
            module.getTranscripts().add(new PodcastTranscript(transcript.getAttributeValue("url"), transcript.getAttributeValue("type"),
                    transcript.getAttributeValue("language"), transcript.getAttributeValue("rel")));
        }
        return module;
    }

    private static Optional<String> text(Element element) {
        return Optional.ofNullable(element).map(Element::getTextTrim).filter(text -> !text.isEmpty());
    }

    private static Optional<Double> number(String text) {
        try {
            return Optional.of(Double.valueOf(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
