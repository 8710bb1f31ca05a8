package dev.chapitre.feeds.control;

import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.modules.content.ContentModuleImpl;
import com.rometools.modules.itunes.EntryInformationImpl;
import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import com.rometools.modules.itunes.types.Duration;
import com.rometools.modules.itunes.types.Subcategory;
import com.rometools.modules.psc.modules.PodloveSimpleChapterModuleImpl;
import com.rometools.modules.psc.types.SimpleChapter;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import dev.chapitre.chapters.control.ChapterJson;
import dev.chapitre.chapters.entity.ChapterTime;
import dev.chapitre.episodes.control.ShowNotes;
import dev.chapitre.episodes.entity.AudioFile;
import dev.chapitre.episodes.entity.Episode;
import dev.chapitre.feeds.control.podcastindex.PodcastIndexModuleImpl;
import dev.chapitre.feeds.control.podcastindex.types.PodcastPerson;
import dev.chapitre.feeds.control.podcastindex.types.PodcastTranscript;
import dev.chapitre.feeds.control.podcastindex.types.PodcastTxt;
import dev.chapitre.platform.control.PublicPaths;
import dev.chapitre.platform.control.XmlText;
import dev.chapitre.podcasts.entity.Person;
import dev.chapitre.podcasts.entity.Podcast;
import dev.chapitre.transcripts.control.PublishedFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.jdom2.output.Format;
import org.jdom2.output.XMLOutputter;

/**
 * A show's RSS 2.0 feed, built with Rome: the iTunes tags Apple Podcasts requires, the
 * Podcasting 2.0 tags, and every episode's chapters both linked ({@code podcast:chapters}) and
 * inline ({@code psc:chapters}), with the same start times.
 */
public final class FeedWriter {

    public static final String MEDIA_TYPE = "application/rss+xml; charset=utf-8";
    /** Apple Podcasts truncates longer descriptions; the full notes go into content:encoded. */
    static final int MAX_DESCRIPTION_BYTES = 4000;
    static final String GENERATOR = "Chapitre (https://github.com/chapitre/chapitre)";

    private FeedWriter() {
    }

    /** {@code episodes}: the published ones, newest first. */
    public static byte[] write(Podcast podcast, List<Episode> episodes, String baseUrl) {
        var channel = channel(podcast, baseUrl);
        channel.setItems(episodes.stream().map(episode -> item(podcast, episode, baseUrl)).toList());
        try {
            var document = new WireFeedOutput().outputJDom(channel);
            ITunesConventions.apply(document);
            var bytes = new ByteArrayOutputStream(4096 + episodes.size() * 4096);
            new XMLOutputter(Format.getRawFormat().setEncoding("UTF-8").setLineSeparator("\n")).output(document, bytes);
            return bytes.toByteArray();
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused the feed of '" + podcast.slug() + "'", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Channel channel(Podcast podcast, String baseUrl) {
        var fields = podcast.fields();
        var showPage = baseUrl + PublicPaths.showPage(podcast.slug());
        var channel = new Channel("rss_2.0");
        channel.setEncoding("UTF-8");
        channel.setTitle(clean(podcast.title()));
        channel.setLink(showPage);
        channel.setDescription(FeedText.withinBytes(Optional.ofNullable(fields.description()).filter(d -> !d.isBlank())
                .map(FeedWriter::clean).orElse(clean(podcast.title())), MAX_DESCRIPTION_BYTES));
        channel.setLanguage(fields.language());
        channel.setCopyright(clean(fields.copyright()));
        channel.setGenerator(GENERATOR);
        var artworkUrl = podcast.artwork().map(art -> baseUrl + PublicPaths.artwork(podcast.slug(), art.extension()));
        artworkUrl.ifPresent(url -> {
            var image = new Image();
            image.setUrl(url);
            image.setTitle(clean(podcast.title()));
            image.setLink(showPage);
            // Rome writes -1 for sizes nobody set; RSS allows at most 144×400 and the artwork is 1400 px or more, so none is said
            image.setWidth(null);
            image.setHeight(null);
            channel.setImage(image);
        });

        var self = new AtomLinkModuleImpl();
        var link = new Link();
        link.setRel("self");
        link.setType("application/rss+xml");
        link.setHref(baseUrl + PublicPaths.feed(podcast.slug()));
        self.setLink(link);

        var itunes = new FeedInformationImpl();
        itunes.setAuthor(clean(Optional.ofNullable(fields.author()).orElse(podcast.title())));
        itunes.setOwnerName(clean(fields.ownerName()));
        itunes.setOwnerEmailAddress(clean(fields.ownerEmail()));
        artworkUrl.ifPresent(itunes::setImageUri);
        if (fields.category() != null) {
            var category = new Category(fields.category());
            if (fields.subcategory() != null) {
                category.setSubcategory(new Subcategory(fields.subcategory()));
            }
            itunes.setCategories(List.of(category));
        }
        itunes.setExplicit(Boolean.TRUE.equals(fields.explicit()));
        itunes.setType(fields.type());
        // Moved out: apps that still read this feed learn the new address (the HTTP answer is a 301 too).
        podcast.redirectTo().ifPresent(itunes::setNewFeedUrl);

        var podcasting = new PodcastIndexModuleImpl();
        podcasting.setGuid(podcast.guid());
        podcasting.setLocked(Boolean.TRUE.equals(fields.locked()));
        podcasting.setLockedOwner(clean(fields.ownerEmail()));
        podcasting.setMedium(fields.medium());
        podcasting.setPersons(persons(fields.persons()));
        podcasting.setTxt(fields.txt().stream().map(txt -> new PodcastTxt(txt.purpose().orElse(null), txt.text())).toList());

        channel.setModules(new ArrayList<>(List.<Module>of(self, itunes, podcasting)));
        return channel;
    }

    private static Item item(Podcast podcast, Episode episode, String baseUrl) {
        var fields = episode.fields();
        var audio = episode.audio();
        var item = new Item();
        item.setTitle(clean(episode.title()));
        item.setLink(baseUrl + PublicPaths.episodePage(podcast.slug(), episode.slug()));
        var guid = new Guid();
        guid.setValue(episode.guid());
        guid.setPermaLink(false);
        item.setGuid(guid);
        item.setPubDate(Date.from(episode.publishedAt().orElseThrow()));
        var notes = Optional.ofNullable(fields.description()).map(FeedWriter::clean).orElse("");
        var description = new Description();
        description.setType("text/html");
        description.setValue(notes.getBytes(StandardCharsets.UTF_8).length <= MAX_DESCRIPTION_BYTES
                ? notes : FeedText.withinBytes(ShowNotes.plainText(notes), MAX_DESCRIPTION_BYTES));
        item.setDescription(description);
        var enclosure = new Enclosure();
        enclosure.setUrl(baseUrl + PublicPaths.audio(podcast.slug(), episode.slug()));
        enclosure.setLength(audio.length());
        enclosure.setType(AudioFile.MPEG);
        item.setEnclosures(List.of(enclosure));

        var modules = new ArrayList<Module>();
        if (!notes.isBlank()) {
            var content = new ContentModuleImpl();
            content.setEncodeds(List.of(notes));
            modules.add(content);
        }

        var itunes = new EntryInformationImpl();
        itunes.setDuration(new Duration(audio.durationMs()));
        itunes.setEpisode(fields.number());
        itunes.setSeason(fields.season());
        itunes.setEpisodeType(fields.type());
        itunes.setExplicitNullable(fields.explicit());
        Optional.ofNullable(clean(fields.image())).ifPresent(itunes::setImageUri);
        modules.add(itunes);

        var podcasting = new PodcastIndexModuleImpl();
        podcasting.setSeason(fields.season());
        Optional.ofNullable(fields.number()).ifPresent(n -> podcasting.setEpisode(n.doubleValue()));
        podcasting.setPersons(persons(fields.persons()));
        var chapters = episode.publicChapters(baseUrl);
        if (!chapters.isEmpty()) {
            podcasting.setChaptersUrl(baseUrl + PublicPaths.chapters(podcast.slug(), episode.slug()));
            podcasting.setChaptersType(ChapterJson.MEDIA_TYPE);
            var simple = new PodloveSimpleChapterModuleImpl();
            simple.setChapters(chapters.stream().map(chapter -> {
                var psc = new SimpleChapter();
                psc.setStart(ChapterTime.format(chapter.startMs()));
                psc.setTitle(clean(chapter.title()));
                chapter.url().map(FeedWriter::clean).ifPresent(psc::setHref);
                chapter.img().map(FeedWriter::clean).ifPresent(psc::setImage);
                return psc;
            }).toList());
            modules.add(simple);
        }
        episode.transcriptLanguage().ifPresent(language -> podcasting.setTranscripts(transcripts(podcast, episode, language, baseUrl)));
        modules.add(podcasting);
        item.setModules(modules);
        return item;
    }

    /** One {@code podcast:transcript} per published format, WebVTT first; the timed ones are captions. */
    private static List<PodcastTranscript> transcripts(Podcast podcast, Episode episode, String language, String baseUrl) {
        return new ArrayList<>(Arrays.stream(PublishedFormat.values())
                .map(format -> new PodcastTranscript(baseUrl + PublicPaths.transcript(podcast.slug(), episode.slug(), format.extension()),
                        format.mediaType(), language, format.timed() ? "captions" : null))
                .toList());
    }

    private static List<PodcastPerson> persons(List<Person> persons) {
        return new ArrayList<>(persons.stream()
                .map(p -> new PodcastPerson(clean(p.name()), p.role(), p.group(), clean(p.href().orElse(null)), clean(p.img().orElse(null))))
                .toList());
    }

    /**
     * Text that XML cannot carry is refused on input, but rows written before that rule may hold
     * some: it is left out here, or JDOM would refuse the whole feed, for good.
     */
    private static String clean(String text) {
        return XmlText.withoutForbidden(text);
    }
}
