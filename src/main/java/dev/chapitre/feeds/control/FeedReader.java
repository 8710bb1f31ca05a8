package dev.chapitre.feeds.control;

import com.rometools.modules.content.ContentModule;
import com.rometools.modules.itunes.AbstractITunesObject;
import com.rometools.modules.itunes.EntryInformation;
import com.rometools.modules.itunes.FeedInformation;
import com.rometools.modules.itunes.ITunes;
import com.rometools.modules.psc.modules.PodloveSimpleChapterModule;
import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.io.XmlReader;
import dev.chapitre.feeds.control.podcastindex.PodcastIndexModule;
import dev.chapitre.feeds.control.podcastindex.types.PodcastPerson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads another host's RSS feed into a {@link SourceFeed}. Rome parses it with DOCTYPEs refused (its
 * default, kept on purpose): a podcast feed never needs one, and a feed that declares entities is
 * how a server is made to read its own files (XXE) or to expand a few bytes into gigabytes.
 */
public final class FeedReader {

    private FeedReader() {
    }

    public static SourceFeed read(byte[] body) throws NotAFeed {
        if (looksLikeHtml(body)) {
            throw new NotAFeed("feeds.notAFeed.html");
        }
        var channel = channel(body);
        var itunes = Optional.ofNullable((FeedInformation) channel.getModule(AbstractITunesObject.URI));
        var podcast = Optional.ofNullable((PodcastIndexModule) channel.getModule(PodcastIndexModule.URI));
        var title = text(channel.getTitle()).orElseThrow(() -> new NotAFeed("feeds.notAFeed.noTitle"));
        var categories = itunes.map(info -> info.getCategories().stream()
                .filter(category -> text(category.getName()).isPresent())
                .map(category -> new SourceFeed.Category(category.getName().strip(),
                        Optional.ofNullable(category.getSubcategory()).flatMap(sub -> text(sub.getName()))))
                .toList()).orElse(List.of());
        var image = itunes.flatMap(info -> text(info.getImageUri()))
                .or(() -> Optional.ofNullable(channel.getImage()).flatMap(img -> text(img.getUrl())));
        return new SourceFeed(title, text(channel.getDescription()).or(() -> itunes.flatMap(info -> text(info.getSummary()))),
                text(channel.getLanguage()), itunes.flatMap(info -> text(info.getAuthor())),
                itunes.flatMap(info -> text(info.getOwnerName())), itunes.flatMap(info -> text(info.getOwnerEmailAddress())),
                categories, itunes.map(ITunes::getExplicitNullable), itunes.flatMap(info -> text(info.getType())),
                text(channel.getCopyright()), text(channel.getLink()), image, podcast.flatMap(m -> text(m.getGuid())),
                podcast.map(m -> Boolean.TRUE.equals(m.getLocked())).orElse(false), podcast.flatMap(m -> text(m.getLockedOwner())),
                podcast.flatMap(m -> text(m.getMedium())), itunes.flatMap(info -> text(info.getNewFeedUrl())),
                podcast.map(m -> persons(m.getPersons())).orElse(List.of()),
                channel.getItems().stream().map(FeedReader::item).toList());
    }

    private static Channel channel(byte[] body) throws NotAFeed {
        var input = new WireFeedInput(false, Locale.ROOT);
        input.setAllowDoctypes(false);
        WireFeed wire;
        try (var reader = new XmlReader(new ByteArrayInputStream(body), true, StandardCharsets.UTF_8.name())) {
            wire = input.build(reader);
        } catch (IllegalArgumentException unknownType) {
            throw new NotAFeed("feeds.notAFeed.otherXml", unknownType.getMessage());
        } catch (FeedException | IOException e) {
            if (mentions(e, "DOCTYPE")) {
                throw new NotAFeed("feeds.notAFeed.doctype");
            }
            throw new NotAFeed("feeds.notAFeed.malformed", rootMessage(e));
        }
        if (!(wire instanceof Channel channel)) {
            throw new NotAFeed("feeds.notAFeed.atom");
        }
        return channel;
    }

    private static SourceFeed.Item item(Item item) {
        var itunes = Optional.ofNullable((EntryInformation) item.getModule(AbstractITunesObject.URI));
        var podcast = Optional.ofNullable((PodcastIndexModule) item.getModule(PodcastIndexModule.URI));
        var content = Optional.ofNullable((ContentModule) item.getModule(ContentModule.URI));
        var psc = Optional.ofNullable((PodloveSimpleChapterModule) item.getModule(PodloveSimpleChapterModule.URI));
        var notes = content.flatMap(module -> module.getEncodeds().stream().filter(text -> !text.isBlank()).findFirst())
                .or(() -> Optional.ofNullable(item.getDescription()).flatMap(description -> text(description.getValue())))
                .or(() -> itunes.flatMap(info -> text(info.getSummary())));
        var enclosure = item.getEnclosures().stream().filter(e -> text(e.getUrl()).isPresent()).findFirst()
                .map(e -> new SourceFeed.Enclosure(e.getUrl().strip(), Optional.ofNullable(e.getType()).orElse("").strip(), e.getLength()));
        var number = itunes.map(EntryInformation::getEpisode)
                .or(() -> podcast.map(PodcastIndexModule::getEpisode).filter(n -> n == Math.rint(n)).map(Double::intValue));
        return new SourceFeed.Item(Optional.ofNullable(item.getGuid()).flatMap(guid -> text(guid.getValue())), text(item.getTitle()),
                Optional.ofNullable(item.getPubDate()).map(date -> date.toInstant()), notes,
                itunes.map(EntryInformation::getSeason).or(() -> podcast.map(PodcastIndexModule::getSeason)), number,
                itunes.flatMap(info -> text(info.getEpisodeType())), itunes.map(ITunes::getExplicitNullable),
                itunes.flatMap(info -> text(info.getImageUri())), podcast.map(m -> persons(m.getPersons())).orElse(List.of()),
                enclosure, itunes.map(EntryInformation::getDuration).map(duration -> duration.getMilliseconds()),
                podcast.flatMap(m -> text(m.getChaptersUrl())),
                psc.map(module -> module.getChapters().stream().filter(c -> text(c.getStart()).isPresent())
                        .map(c -> new SourceFeed.Chapter(c.getStart().strip(), Optional.ofNullable(c.getTitle()).orElse("").strip(),
                                text(c.getHref()), text(c.getImage())))
                        .toList()).orElse(List.of()),
                podcast.map(m -> m.getTranscripts().stream().filter(t -> text(t.url()).isPresent())
                        .map(t -> new SourceFeed.Transcript(t.url().strip(), Optional.ofNullable(t.type()).orElse(""),
                                text(t.language()), text(t.rel())))
                        .toList()).orElse(List.of()));
    }

    private static List<SourceFeed.Person> persons(List<PodcastPerson> persons) {
        var list = new ArrayList<SourceFeed.Person>();
        for (var person : persons) {
            text(person.getName()).ifPresent(name -> list.add(new SourceFeed.Person(name, person.getRole(), person.getGroup(),
                    text(person.getHref()), text(person.getImg()))));
        }
        return list;
    }

    /** After a byte order mark and blanks: {@code <!DOCTYPE html} or {@code <html}, which no feed starts with. */
    static boolean looksLikeHtml(byte[] body) {
        var head = new String(body, 0, Math.min(body.length, 512), StandardCharsets.ISO_8859_1).replace("\u00ef\u00bb\u00bf", "")
                .stripLeading().toLowerCase(Locale.ROOT);
        while (head.startsWith("<!--") && head.contains("-->")) {
            head = head.substring(head.indexOf("-->") + 3).stripLeading();
        }
        return head.startsWith("<!doctype html") || head.startsWith("<html");
    }

    private static boolean mentions(Throwable e, String word) {
        for (var cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().contains(word)) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        var root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return Optional.ofNullable(root.getMessage()).orElse(root.getClass().getSimpleName());
    }

    private static Optional<String> text(String value) {
        return Optional.ofNullable(value).map(String::strip).filter(text -> !text.isEmpty());
    }

}
