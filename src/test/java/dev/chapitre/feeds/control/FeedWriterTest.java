package dev.chapitre.feeds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.modules.psc.modules.PodloveSimpleChapterModule;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.io.WireFeedInput;
import dev.chapitre.chapters.entity.Chapter;
import dev.chapitre.episodes.entity.AudioFile;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.episodes.entity.EpisodeFields;
import dev.chapitre.feeds.control.podcastindex.PodcastIndexModule;
import dev.chapitre.podcasts.entity.Person;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.podcasts.entity.PodcastFields;
import dev.chapitre.security.entity.Producer;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class FeedWriterTest {

    private static final String BASE = "https://podcasts.example.fr";
    private static final String PSC = "http://podlove.org/simple-chapters";

    private final Podcast show = new Podcast(new Producer("prod@example.fr", "Prod", "hash", false), "epique",
            "9b024349-ccf0-5f69-a609-6b82873eab3c",
            new PodcastFields("epique", "Épique & <Co> 🎙️", "L'histoire « racontée » : Chirac & co, <b>sans</b> filtre 🇫🇷",
                    "fr", "Radio Épique", "Élodie", "prod@example.fr", "Society & Culture", "Documentary", false,
                    "serial", null, "© 2026 Épique", true, "podcast",
                    List.of(new Person("Élodie Müller", "host", "cast", "https://example.fr/élodie", null)), List.of(), null));

    @Test
    void writesAFrenchShowThatParsesBackWithEveryNamespace() throws Exception {
        var first = episode("premier", "1. 2017 – 1er PM : les débuts & <suite> 😀", "<p>Notes &amp; liens 😀</p>",
                Instant.parse("2026-10-01T06:00:00Z"), 1);
        first.replaceChapters(List.of(new Chapter(0, "Intro & « générique »", null, null, true),
                new Chapter(61_500, "1er PM <débuts>", "https://fr.wikipedia.org/wiki/Épique", "https://example.fr/c.jpg", true),
                new Chapter(3_723_250, "Hors sommaire", null, null, false)));
        var second = episode("second", "Deux", null, Instant.parse("2026-10-08T06:00:00Z"), 2);

        var bytes = FeedWriter.write(show, List.of(second, first), BASE);

        var channel = (Channel) new WireFeedInput().build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        assertEquals("Épique & <Co> 🎙️", channel.getTitle());
        assertEquals(BASE + "/podcasts/epique", channel.getLink());
        assertEquals("fr", channel.getLanguage());
        var itunes = (FeedInformation) channel.getModule(ITunes.URI);
        assertEquals("Society & Culture", itunes.getCategories().get(0).getName());
        assertEquals("Documentary", itunes.getCategories().get(0).getSubcategory().getName());
        assertEquals("Radio Épique", itunes.getAuthor());
        assertEquals("prod@example.fr", itunes.getOwnerEmailAddress());
        var podcasting = (PodcastIndexModule) channel.getModule(PodcastIndexModule.URI);
        assertEquals("9b024349-ccf0-5f69-a609-6b82873eab3c", podcasting.getGuid());
        assertEquals(true, podcasting.getLocked());
        assertEquals("Élodie Müller", podcasting.getPersons().get(0).getName());

        assertEquals(2, channel.getItems().size());
        var item = channel.getItems().get(1);
        assertEquals("1. 2017 – 1er PM : les débuts & <suite> 😀", item.getTitle());
        assertEquals(first.guid(), item.getGuid().getValue());
        assertFalse(item.getGuid().isPermaLink());
        assertEquals(BASE + "/media/epique/premier.mp3", item.getEnclosures().get(0).getUrl());
        assertEquals(123_456L, item.getEnclosures().get(0).getLength());
        assertEquals("audio/mpeg", item.getEnclosures().get(0).getType());
        assertEquals("<p>Notes &amp; liens 😀</p>", item.getDescription().getValue());
        var entry = (EntryInformation) item.getModule(ITunes.URI);
        assertEquals(1, entry.getEpisode());
        var chapters = (PodloveSimpleChapterModule) item.getModule(PSC);
        assertEquals(List.of("00:00:00.000", "00:01:01.500", "01:02:03.250"),
                chapters.getChapters().stream().map(c -> c.getStart()).toList());
        assertEquals("Intro & « générique »", chapters.getChapters().get(0).getTitle());
        assertEquals("1er PM <débuts>", chapters.getChapters().get(1).getTitle());
        assertEquals("https://fr.wikipedia.org/wiki/Épique", chapters.getChapters().get(1).getHref());
        var itemPodcasting = (PodcastIndexModule) item.getModule(PodcastIndexModule.URI);
        assertEquals(BASE + "/chapters/epique/premier.json", itemPodcasting.getChaptersUrl());
        assertEquals("application/json+chapters", itemPodcasting.getChaptersType());
        assertEquals(1.0, itemPodcasting.getEpisode());
        assertNull(channel.getItems().get(0).getModule(PSC), "an episode without chapters has no psc:chapters");
    }

    /** A stored image by its address under the feed's base URL, a linked one as it is: psc:chapter's image, Rome reading it back. */
    @Test
    void aChaptersStoredImageIsItsPublicAddress() throws Exception {
        var episode = episode("premier", "Un", null, Instant.parse("2026-10-01T06:00:00Z"), 1);
        episode.replaceChapters(List.of(new Chapter(0, "Intro", null, null, true),
                new Chapter(61_500, "Suite", null, "https://example.fr/c.jpg", true)));
        episode.replaceChapterImage(1, java.util.Optional.of("chapter-images/0b0e5b47-4c1b-4d8e-9a48-0c3c2b6c1a11.png"));

        var bytes = FeedWriter.write(show, List.of(episode), BASE);

        var channel = (Channel) new WireFeedInput().build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        var chapters = (PodloveSimpleChapterModule) channel.getItems().get(0).getModule(PSC);
        assertEquals(BASE + "/media/chapter-images/0b0e5b47-4c1b-4d8e-9a48-0c3c2b6c1a11.png", chapters.getChapters().get(0).getImage());
        assertEquals("https://example.fr/c.jpg", chapters.getChapters().get(1).getImage());
    }

    /** The channel's image names the artwork and its page, never the -1 sizes Rome writes when none is set. */
    @Test
    void theChannelImageCarriesNoSizeItDoesNotKnow() throws Exception {
        show.replaceArtwork(new dev.chapitre.podcasts.entity.Artwork("artwork/2f0b3c1e-9a1d-4c55-8b7e-3f6a1c2d4e5f.jpg", "image/jpeg", 1400, 200_000));
        var xml = dom(FeedWriter.write(show, List.of(), BASE));

        var image = (Element) xml.getElementsByTagName("image").item(0);
        assertTrue(child(image, "", "url").getTextContent().startsWith(BASE + "/"), "the artwork's address");
        assertEquals(0, image.getElementsByTagName("width").getLength());
        assertEquals(0, image.getElementsByTagName("height").getLength());
    }

    @Test
    void followsApplesCurrentConventions() throws Exception {
        var bytes = FeedWriter.write(show, List.of(episode("premier", "Un", "x", Instant.parse("2026-10-01T06:00:00Z"), 7)), BASE);
        var xml = dom(bytes);
        var text = new String(bytes, StandardCharsets.UTF_8);

        assertTrue(text.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), text);
        assertEquals("false", child(xml.getDocumentElement(), ITunes.URI, "explicit").getTextContent());
        assertTrue(text.contains("<itunes:category text=\"Society &amp; Culture\">"), text);
        var item = (Element) xml.getElementsByTagName("item").item(0);
        assertEquals("3723", child(item, ITunes.URI, "duration").getTextContent(), "duration in whole seconds");
        assertEquals("serial", child(xml.getDocumentElement(), ITunes.URI, "type").getTextContent());
        assertEquals("Thu, 01 Oct 2026 06:00:00 GMT", child(item, "", "pubDate").getTextContent());
        assertEquals(0, xml.getElementsByTagNameNS(ITunes.URI, "keywords").getLength());
        var self = (Element) xml.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "link").item(0);
        assertEquals(BASE + "/feeds/epique.xml", self.getAttribute("href"));
        assertEquals("self", self.getAttribute("rel"));
    }

    @Test
    void longShowNotesAreCutToFourThousandBytesInDescriptionButKeptWholeInContentEncoded() throws Exception {
        var notes = "<p>" + "Les débuts à Matignon, l'été 2017 – ".repeat(200) + "</p>";
        var bytes = FeedWriter.write(show, List.of(episode("long", "Long", notes, Instant.parse("2026-10-01T06:00:00Z"), 3)), BASE);
        var item = (Element) dom(bytes).getElementsByTagName("item").item(0);

        var description = child(item, "", "description").getTextContent();
        assertTrue(description.getBytes(StandardCharsets.UTF_8).length <= 4000, description);
        assertFalse(description.contains("<p>"), "a cut description is plain text, never broken HTML");
        assertTrue(description.endsWith("…"));
        assertEquals(notes, child(item, "http://purl.org/rss/1.0/modules/content/", "encoded").getTextContent());
    }

    @Test
    void leavesOutCharactersXmlCannotCarryThatAnOlderVersionStored() throws Exception {
        var episode = episode("vieux", "Vieux", "<p>Notes</p>", Instant.parse("2026-10-01T06:00:00Z"), 1);
        episode.replaceChapters(List.of(new Chapter(0, "Intro", null, null, true)));
        storedBeforeTheRule(show, "title", "Épique\u0001 \uFFFE\uD800suite");
        storedBeforeTheRule(episode, "title", "Vieux\u0008 titre\u007F");
        storedBeforeTheRule(episode, "description", "<p>Notes\u000B \uDC00</p>");
        storedBeforeTheRule(episode.chapters().get(0), "title", "In\u001Ftro");

        var bytes = FeedWriter.write(show, List.of(episode), BASE);

        var channel = (Channel) new WireFeedInput().build(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8));
        assertEquals("Épique suite", channel.getTitle());
        assertEquals("Vieux titre", channel.getItems().get(0).getTitle());
        assertEquals("<p>Notes </p>", channel.getItems().get(0).getDescription().getValue());
        var chapters = (PodloveSimpleChapterModule) channel.getItems().get(0).getModule(PodloveSimpleChapterModule.URI);
        assertEquals("Intro", chapters.getChapters().get(0).getTitle());
    }

    private static void storedBeforeTheRule(Object entity, String field, String value) throws ReflectiveOperationException {
        var declared = entity.getClass().getDeclaredField(field);
        declared.setAccessible(true);
        declared.set(entity, value);
    }

    private Episode episode(String slug, String title, String notes, Instant publishedAt, int number) {
        return new Episode(show, slug, UUID.randomUUID().toString(),
                new EpisodeFields(slug, title, notes, publishedAt, 1, number, "full", null, null, List.of()),
                new AudioFile("epique/" + slug + ".mp3", 123_456, 3_723_400, 128, 1));
    }

    private static Document dom(byte[] bytes) throws Exception {
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(bytes));
    }

    private static Element child(Element parent, String namespace, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e && name.equals(e.getLocalName())
                    && (namespace.isEmpty() ? e.getNamespaceURI() == null : namespace.equals(e.getNamespaceURI()))) {
                return e;
            }
            if (node instanceof Element e && "channel".equals(e.getLocalName())) {
                var inChannel = child(e, namespace, name);
                if (inChannel != null) {
                    return inChannel;
                }
            }
        }
        return null;
    }
}
