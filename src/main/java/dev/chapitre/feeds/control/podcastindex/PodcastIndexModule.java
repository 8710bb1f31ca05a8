package dev.chapitre.feeds.control.podcastindex;

import com.rometools.rome.feed.module.Module;
import dev.chapitre.feeds.control.podcastindex.types.PodcastPerson;
import dev.chapitre.feeds.control.podcastindex.types.PodcastTranscript;
import dev.chapitre.feeds.control.podcastindex.types.PodcastTxt;
import java.util.List;

/**
 * The Podcasting 2.0 namespace ({@code podcast:}, https://podcastindex.org/namespace/1.0), the
 * elements a podcast host publishes. On a channel: {@code guid}, {@code locked}, {@code medium},
 * {@code person}, {@code txt}. On an item: {@code season}, {@code episode}, {@code chapters},
 * {@code person}, {@code transcript} (read from other hosts' feeds).
 * Unset properties (null, empty list) are not written.
 */
public interface PodcastIndexModule extends Module {

    String URI = "https://podcastindex.org/namespace/1.0";
    String PREFIX = "podcast";

    /** Channel: the show's permanent UUIDv5 ({@code podcast:guid}). */
    String getGuid();

    void setGuid(String guid);

    /** Channel: whether other platforms may import the feed ({@code podcast:locked}: yes/no). */
    Boolean getLocked();

    void setLocked(Boolean locked);

    /** Channel: the {@code owner} attribute of {@code podcast:locked}, an email address. */
    String getLockedOwner();

    void setLockedOwner(String owner);

    /** Channel: {@code podcast:medium}, e.g. "podcast", "music", "audiobook". */
    String getMedium();

    void setMedium(String medium);

    /** Item: {@code podcast:season}. */
    Integer getSeason();

    void setSeason(Integer season);

    /** Item: the {@code name} attribute of {@code podcast:season}. */
    String getSeasonName();

    void setSeasonName(String name);

    /** Item: {@code podcast:episode}, a number that may have decimals (e.g. 204.5). */
    Double getEpisode();

    void setEpisode(Double episode);

    /** Item: the {@code display} attribute of {@code podcast:episode}. */
    String getEpisodeDisplay();

    void setEpisodeDisplay(String display);

    /** Item: the {@code url} of {@code podcast:chapters}. */
    String getChaptersUrl();

    void setChaptersUrl(String url);

    /** Item: the {@code type} of {@code podcast:chapters}, normally "application/json+chapters". */
    String getChaptersType();

    void setChaptersType(String type);

    /** Channel or item: the credits ({@code podcast:person}); an item's list replaces the channel's. */
    List<PodcastPerson> getPersons();

    void setPersons(List<PodcastPerson> persons);

    /** Channel: {@code podcast:txt} entries. */
    List<PodcastTxt> getTxt();

    void setTxt(List<PodcastTxt> txt);

    /** Item: {@code podcast:transcript} links. */
    List<PodcastTranscript> getTranscripts();

    void setTranscripts(List<PodcastTranscript> transcripts);
}
