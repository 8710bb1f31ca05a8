package dev.chapitre.feeds.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FeedReaderTest {

    static final String FEED = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                 xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0"
                 xmlns:psc="http://podlove.org/simple-chapters">
              <channel>
                <title>Épique</title>
                <link>https://ancien.example.fr/epique</link>
                <description>L'histoire « racontée »</description>
                <language>fr-fr</language>
                <copyright>© 2026 Épique</copyright>
                <itunes:author>Radio Épique</itunes:author>
                <itunes:owner><itunes:name>Élodie</itunes:name><itunes:email>elodie@example.fr</itunes:email></itunes:owner>
                <itunes:category text="History"/>
                <itunes:category text="Society &amp; Culture"><itunes:category text="Documentary"/></itunes:category>
                <itunes:explicit>false</itunes:explicit>
                <itunes:type>serial</itunes:type>
                <itunes:image href="https://ancien.example.fr/art.jpg"/>
                <podcast:guid>917393e3-1b1e-5cef-ace4-edaa54e1f810</podcast:guid>
                <podcast:locked owner="elodie@example.fr">no</podcast:locked>
                <podcast:person role="host">Élodie Müller</podcast:person>
                <item>
                  <title>1. 2017 – 1er PM</title>
                  <guid isPermaLink="false">tag:ancien.example.fr,2026:episode-1</guid>
                  <pubDate>Thu, 01 Oct 2026 06:00:00 +0000</pubDate>
                  <description>Court</description>
                  <content:encoded><![CDATA[<p>Notes &amp; liens</p><p>0:00 Intro</p><p>1:30 Suite</p>]]></content:encoded>
                  <enclosure url="https://ancien.example.fr/1.mp3" length="123456" type="audio/mpeg"/>
                  <itunes:duration>00:02:03</itunes:duration>
                  <itunes:season>2</itunes:season>
                  <itunes:episode>7</itunes:episode>
                  <itunes:episodeType>full</itunes:episodeType>
                  <podcast:chapters url="https://ancien.example.fr/1.json" type="application/json+chapters"/>
                  <podcast:transcript url="https://ancien.example.fr/1.vtt" type="text/vtt" language="fr"/>
                  <podcast:person role="guest">Jean</podcast:person>
                  <psc:chapters version="1.2">
                    <psc:chapter start="00:00:00.000" title="Intro"/>
                    <psc:chapter start="00:01:30.500" title="Suite" href="https://example.fr/suite"/>
                  </psc:chapters>
                </item>
                <item>
                  <title>Sans audio</title>
                </item>
              </channel>
            </rss>
            """;

    @Test
    void readsWhatMovingAShowNeeds() throws Exception {
        var feed = FeedReader.read(FEED.getBytes(StandardCharsets.UTF_8));
        assertEquals("Épique", feed.title());
        assertEquals(Optional.of("fr-fr"), feed.language());
        assertEquals(Optional.of("Élodie"), feed.ownerName());
        assertEquals(Optional.of("elodie@example.fr"), feed.ownerEmail());
        assertEquals(List.of(new SourceFeed.Category("History", Optional.empty()),
                new SourceFeed.Category("Society & Culture", Optional.of("Documentary"))), feed.categories());
        assertEquals(Optional.of("serial"), feed.type());
        assertEquals(Optional.of("https://ancien.example.fr/art.jpg"), feed.imageUrl());
        assertEquals(Optional.of("917393e3-1b1e-5cef-ace4-edaa54e1f810"), feed.guid());
        assertFalse(feed.locked());
        assertEquals("Élodie Müller", feed.persons().get(0).name());
        assertEquals(2, feed.items().size());
        var item = feed.items().get(0);
        assertEquals(Optional.of("tag:ancien.example.fr,2026:episode-1"), item.guid());
        assertEquals(Optional.of(Instant.parse("2026-10-01T06:00:00Z")), item.publishedAt());
        assertTrue(item.notes().orElseThrow().contains("1:30 Suite"), "content:encoded preferred");
        assertEquals(Optional.of(new SourceFeed.Enclosure("https://ancien.example.fr/1.mp3", "audio/mpeg", 123456)), item.enclosure());
        assertEquals(Optional.of(123_000L), item.durationMs());
        assertEquals(Optional.of(2), item.season());
        assertEquals(Optional.of(7), item.number());
        assertEquals(Optional.of("https://ancien.example.fr/1.json"), item.chaptersUrl());
        assertEquals(List.of(new SourceFeed.Chapter("00:00:00.000", "Intro", Optional.empty(), Optional.empty()),
                new SourceFeed.Chapter("00:01:30.500", "Suite", Optional.of("https://example.fr/suite"), Optional.empty())), item.pscChapters());
        assertEquals("https://ancien.example.fr/1.vtt", item.transcripts().get(0).url());
        assertEquals("Jean", item.persons().get(0).name());
        assertEquals(Optional.empty(), feed.items().get(1).enclosure());
    }

    @Test
    void aLockedFeedSaysSo() throws Exception {
        var feed = FeedReader.read(FEED.replace(">no</podcast:locked>", ">yes</podcast:locked>").getBytes(StandardCharsets.UTF_8));
        assertTrue(feed.locked());
        assertEquals(Optional.of("elodie@example.fr"), feed.lockedOwner());
    }

    @Test
    void externalEntitiesAreRefusedBeforeAnythingIsRead() {
        var xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&secret;</title><link>https://x</link><description>x</description></channel></rss>
                """;
        var refused = assertThrows(NotAFeed.class, () -> FeedReader.read(xxe.getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
        assertFalse(refused.getMessage().contains("root:"), "the file was not read");
    }

    @Test
    void entityExpansionIsRefused() {
        var laughs = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10)).append("\">");
        }
        laughs.append("]><rss version=\"2.0\"><channel><title>&lol9;</title></channel></rss>");
        var refused = assertThrows(NotAFeed.class, () -> FeedReader.read(laughs.toString().getBytes(StandardCharsets.UTF_8)));
        assertTrue(refused.getMessage().contains("DOCTYPE"), refused.getMessage());
    }

    @Test
    void aWebPageAnAtomFeedAndGarbageEachGetTheirOwnMessage() {
        var html = assertThrows(NotAFeed.class, () -> FeedReader.read("\uFEFF <!-- x --><!DOCTYPE html><html><head><title>Épique</title></head></html>"
                .getBytes(StandardCharsets.UTF_8)));
        assertTrue(html.getMessage().contains("web page"), html.getMessage());
        var atom = assertThrows(NotAFeed.class, () -> FeedReader.read(("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\">"
                + "<title>x</title><id>urn:x</id><updated>2026-01-01T00:00:00Z</updated></feed>").getBytes(StandardCharsets.UTF_8)));
        assertTrue(atom.getMessage().contains("Atom"), atom.getMessage());
        var garbage = assertThrows(NotAFeed.class, () -> FeedReader.read("{\"not\": \"xml\"}".getBytes(StandardCharsets.UTF_8)));
        assertTrue(garbage.getMessage().contains("well-formed"), garbage.getMessage());
        var other = assertThrows(NotAFeed.class, () -> FeedReader.read("<?xml version=\"1.0\"?><catalogue/>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(other.getMessage().contains("not a feed"), other.getMessage());
    }
}
