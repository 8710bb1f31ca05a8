package dev.chapitre.feeds.control.podcastindex;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.WireFeedOutput;
import dev.chapitre.feeds.control.podcastindex.types.PodcastPerson;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generate a feed with the module through Rome (rome.properties), parse it back, compare. */
class PodcastIndexModuleTest {

    @Test
    void channelAndItemElementsSurviveARoundTrip() throws Exception {
        var show = new PodcastIndexModuleImpl();
        show.setGuid("9b024349-ccf0-5f69-a609-6b82873eab3c");
        show.setLocked(true);
        show.setLockedOwner("prod@example.fr");
        show.setMedium("podcast");
        show.setPersons(new ArrayList<>(List.of(
                new PodcastPerson("Élodie Müller & Co", "host", "cast", "https://example.fr/élodie", null),
                new PodcastPerson("Jean <Son>", "Sound Designer", "audio post-production", null, "https://example.fr/j.png"))));
        var episode = new PodcastIndexModuleImpl();
        episode.setSeason(2);
        episode.setSeasonName("Saison « deux »");
        episode.setEpisode(204.5);
        episode.setEpisodeDisplay("Ch. 3");
        episode.setChaptersUrl("https://example.fr/chapters/s/e.json");
        episode.setChaptersType("application/json+chapters");

        var xml = new WireFeedOutput().outputString(channelWith(show, episode));
        var parsed = (Channel) new WireFeedInput().build(new StringReader(xml));

        assertEquals(show, parsed.getModule(PodcastIndexModule.URI), xml);
        assertEquals(episode, parsed.getItems().get(0).getModule(PodcastIndexModule.URI), xml);
        assertTrue(xml.contains("<podcast:locked owner=\"prod@example.fr\">yes</podcast:locked>"), xml);
        assertTrue(xml.contains("<podcast:episode display=\"Ch. 3\">204.5</podcast:episode>"), xml);
    }

    @Test
    void wholeEpisodeNumbersAreWrittenWithoutDecimals() throws Exception {
        var episode = new PodcastIndexModuleImpl();
        episode.setEpisode(12.0);
        var xml = new WireFeedOutput().outputString(channelWith(new PodcastIndexModuleImpl(), episode));
        assertTrue(xml.contains("<podcast:episode>12</podcast:episode>"), xml);
    }

    @Test
    void copiesAreDeepAndEqual() throws Exception {
        var module = new PodcastIndexModuleImpl();
        module.setPersons(new ArrayList<>(List.of(new PodcastPerson("A", "host", "cast", null, null))));
        var copy = (PodcastIndexModuleImpl) module.clone();
        assertEquals(module, copy);
        assertNotSame(module.getPersons().get(0), copy.getPersons().get(0));
        copy.getPersons().get(0).setName("B");
        assertEquals("A", module.getPersons().get(0).getName());
    }

    private static Channel channelWith(Module channelModule, Module itemModule) {
        var channel = new Channel("rss_2.0");
        channel.setTitle("Épique");
        channel.setLink("https://example.fr/podcasts/epique");
        channel.setDescription("d");
        channel.setModules(new ArrayList<>(List.of(channelModule)));
        var item = new Item();
        item.setTitle("Un");
        item.setModules(new ArrayList<>(List.of(itemModule)));
        channel.setItems(List.of(item));
        return channel;
    }
}
