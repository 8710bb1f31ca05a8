package dev.chapitre.it;

import java.util.UUID;

/**
 * A French show at another host, built from real files: one episode per source of chapters, one
 * where two sources disagree, and three that cannot come over (no enclosure, a 404, AAC audio).
 */
public final class ForeignShow {

    public static final int ITEMS = 8;
    public static final int IMPORTABLE = 5;

    public final String guid = UUID.randomUUID().toString();
    public final String path;
    public final ForeignHost host;

    public ForeignShow(ForeignHost host, String name) {
        this.host = host;
        this.path = "/" + name;
        var cbr = Fixtures.cbrMp3();
        host.put(path + "/1.mp3", "audio/mpeg", cbr)
                .put(path + "/2.mp3", "audio/mpeg", cbr)
                .put(path + "/3.mp3", "audio/mpeg", Fixtures.resource("/audio/ffmpeg-chapters.mp3"))
                .put(path + "/4.mp3", "application/octet-stream", Fixtures.vbrMp3())
                .put(path + "/5.mp3", "audio/mpeg", cbr)
                .put(path + "/8.m4a", "audio/x-m4a", new byte[] {0, 0, 0, 32, 'f', 't', 'y', 'p'})
                .put(path + "/art.jpg", "image/jpeg", Fixtures.image("jpg", 1400, 1400))
                .put(path + "/1.json", "application/json+chapters", """
                        {"version": "1.2.0", "chapters": [
                          {"startTime": 0, "title": "Ouverture – « É »", "img": "https://ancien.example.fr/ouverture.jpg"},
                          {"startTime": 2, "title": "Le 1er PM", "url": "https://fr.wikipedia.org/wiki/Premier_ministre"},
                          {"startTime": 4.5, "title": "Fin 🎧"}]}
                        """)
                .put(path + "/5.json", "application/json", """
                        {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "A"}, {"startTime": 2, "title": "B"},
                          {"startTime": 4, "title": "C"}]}
                        """)
                .put(path + "/5.vtt", "text/vtt", """
                        WEBVTT

                        00:00:00.000 --> 00:00:02.000
                        <v Élodie>Bienvenue dans Épique.

                        00:00:02.000 --> 00:00:05.500
                        <v Jean>Merci Élodie.
                        """)
                .put(path + "/5.html", "text/html", "<cite>Élodie:</cite><time>0:00</time><p>Bienvenue dans Épique.</p>")
                // beyond the 6 s of the audio: refused, and the report says why
                .put(path + "/1.srt", "application/x-subrip", "1\n00:00:00,000 --> 00:01:00,000\nTrop long.\n")
                .put(path + "/feed.xml", "application/rss+xml; charset=utf-8", feed(false))
                .put(path + "/locked.xml", "application/rss+xml; charset=utf-8", feed(true));
    }

    public String feedUrl() {
        return host.base() + path + "/feed.xml";
    }

    String feed(boolean locked) {
        var at = host.base() + path;
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:itunes="http://www.itunes.com/dtds/podcast-1.0.dtd"
                     xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:podcast="https://podcastindex.org/namespace/1.0"
                     xmlns:psc="http://podlove.org/simple-chapters">
                  <channel>
                    <title>Épique (ailleurs)</title>
                    <link>https://ancien.example.fr/epique</link>
                    <description>L'histoire de France « racontée », épisode après épisode.</description>
                    <language>fr-fr</language>
                    <copyright>© 2026 Radio Épique</copyright>
                    <itunes:author>Radio Épique</itunes:author>
                    <itunes:owner><itunes:name>Élodie</itunes:name><itunes:email>elodie@example.fr</itunes:email></itunes:owner>
                    <itunes:category text="Society &amp; Culture"><itunes:category text="Documentary"/></itunes:category>
                    <itunes:category text="Games &amp; Hobbies"/>
                    <itunes:explicit>false</itunes:explicit>
                    <itunes:type>episodic</itunes:type>
                    <itunes:image href="%1$s/art.jpg"/>
                    <podcast:guid>%2$s</podcast:guid>
                    <podcast:locked owner="elodie@example.fr">%3$s</podcast:locked>
                    <podcast:person role="host" href="https://example.fr/elodie">Élodie Müller</podcast:person>
                    <item>
                      <title>1. 2017 – 1er PM : les débuts</title>
                      <guid isPermaLink="true">https://ancien.example.fr/?p=101</guid>
                      <pubDate>Tue, 01 Sep 2026 06:00:00 +0200</pubDate>
                      <content:encoded><![CDATA[<p>Notes &amp; <a href="https://example.fr">liens</a></p>]]></content:encoded>
                      <enclosure url="%1$s/1.mp3" length="97010" type="audio/mpeg"/>
                      <itunes:duration>6</itunes:duration>
                      <itunes:episode>1</itunes:episode>
                      <podcast:chapters url="%1$s/1.json" type="application/json+chapters"/>
                      <podcast:transcript url="%1$s/1.srt" type="application/x-subrip"/>
                    </item>
                    <item>
                      <title>2. Chapitres Podlove</title>
                      <guid isPermaLink="false">tag:ancien.example.fr,2026:2</guid>
                      <pubDate>Thu, 01 Oct 2026 06:00:00 +0200</pubDate>
                      <description>Deux parties.</description>
                      <enclosure url="%1$s/2.mp3" length="97010" type="audio/mpeg"/>
                      <itunes:season>1</itunes:season>
                      <podcast:person role="guest">Jean Invité</podcast:person>
                      <psc:chapters version="1.2">
                        <psc:chapter start="00:00:00.000" title="Début"/>
                        <psc:chapter start="00:00:03.000" title="Suite" href="https://example.fr/suite"/>
                      </psc:chapters>
                    </item>
                    <item>
                      <title>3. Chapitres dans le MP3</title>
                      <guid>3</guid>
                      <pubDate>Sun, 01 Nov 2026 06:00:00 +0100</pubDate>
                      <enclosure url="%1$s/3.mp3" length="97274" type="audio/mpeg"/>
                    </item>
                    <item>
                      <title>4. Chapitres dans les notes</title>
                      <guid>epique-4</guid>
                      <pubDate>Mon, 02 Nov 2026 06:00:00 +0100</pubDate>
                      <description><![CDATA[<p>Au programme :</p><p>0:00 Introduction</p><p>0:03 Suite et fin</p>]]></description>
                      <enclosure url="%1$s/4.mp3" length="39466" type="application/octet-stream"/>
                    </item>
                    <item>
                      <title>5. Sources en désaccord</title>
                      <guid>epique-5</guid>
                      <pubDate>Tue, 03 Nov 2026 06:00:00 +0100</pubDate>
                      <enclosure url="%1$s/5.mp3" length="97010" type="audio/mpeg"/>
                      <podcast:chapters url="%1$s/5.json" type="application/json+chapters"/>
                      <podcast:transcript url="%1$s/5.html" type="text/html" language="fr"/>
                      <podcast:transcript url="%1$s/5.vtt" type="text/vtt" language="fr"/>
                      <psc:chapters version="1.2">
                        <psc:chapter start="00:00:00" title="A"/>
                        <psc:chapter start="00:00:03.5" title="B"/>
                      </psc:chapters>
                    </item>
                    <item>
                      <title>6. Sans audio</title>
                      <guid>epique-6</guid>
                      <pubDate>Wed, 04 Nov 2026 06:00:00 +0100</pubDate>
                    </item>
                    <item>
                      <title>7. Fichier perdu</title>
                      <guid>epique-7</guid>
                      <pubDate>Thu, 05 Nov 2026 06:00:00 +0100</pubDate>
                      <enclosure url="%1$s/7.mp3" length="1000" type="audio/mpeg"/>
                    </item>
                    <item>
                      <title>8. En AAC</title>
                      <guid>epique-8</guid>
                      <pubDate>Fri, 06 Nov 2026 06:00:00 +0100</pubDate>
                      <enclosure url="%1$s/8.m4a" length="8" type="audio/x-m4a"/>
                    </item>
                  </channel>
                </rss>
                """.formatted(at, guid, locked ? "yes" : "no");
    }
}
