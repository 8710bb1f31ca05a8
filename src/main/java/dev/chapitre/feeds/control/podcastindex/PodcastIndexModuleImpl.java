package dev.chapitre.feeds.control.podcastindex;

import com.rometools.rome.feed.CopyFrom;
import com.rometools.rome.feed.module.ModuleImpl;
import dev.chapitre.feeds.control.podcastindex.types.PodcastPerson;
import dev.chapitre.feeds.control.podcastindex.types.PodcastTranscript;
import dev.chapitre.feeds.control.podcastindex.types.PodcastTxt;
import java.util.ArrayList;
import java.util.List;

/** The JavaBean behind {@link PodcastIndexModule}; Rome clones, compares and prints it by reflection. */
public class PodcastIndexModuleImpl extends ModuleImpl implements PodcastIndexModule {

    private static final long serialVersionUID = 1L;

    private String guid;
    private Boolean locked;
    private String lockedOwner;
    private String medium;
    private Integer season;
    private String seasonName;
    private Double episode;
    private String episodeDisplay;
    private String chaptersUrl;
    private String chaptersType;
    private List<PodcastPerson> persons = new ArrayList<>();
    private List<PodcastTxt> txt = new ArrayList<>();
    private List<PodcastTranscript> transcripts = new ArrayList<>();

    public PodcastIndexModuleImpl() {
        super(PodcastIndexModule.class, URI);
    }

    @Override
    public String getGuid() {
        return guid;
    }

    @Override
    public void setGuid(String guid) {
        this.guid = guid;
    }

    @Override
    public Boolean getLocked() {
        return locked;
    }

    @Override
    public void setLocked(Boolean locked) {
        this.locked = locked;
    }

    @Override
    public String getLockedOwner() {
        return lockedOwner;
    }

    @Override
    public void setLockedOwner(String owner) {
        this.lockedOwner = owner;
    }

    @Override
    public String getMedium() {
        return medium;
    }

    @Override
    public void setMedium(String medium) {
        this.medium = medium;
    }

    @Override
    public Integer getSeason() {
        return season;
    }

    @Override
    public void setSeason(Integer season) {
        this.season = season;
    }

    @Override
    public String getSeasonName() {
        return seasonName;
    }

    @Override
    public void setSeasonName(String name) {
        this.seasonName = name;
    }

    @Override
    public Double getEpisode() {
        return episode;
    }

    @Override
    public void setEpisode(Double episode) {
        this.episode = episode;
    }

    @Override
    public String getEpisodeDisplay() {
        return episodeDisplay;
    }

    @Override
    public void setEpisodeDisplay(String display) {
        this.episodeDisplay = display;
    }

    @Override
    public String getChaptersUrl() {
        return chaptersUrl;
    }

    @Override
    public void setChaptersUrl(String url) {
        this.chaptersUrl = url;
    }

    @Override
    public String getChaptersType() {
        return chaptersType;
    }

    @Override
    public void setChaptersType(String type) {
        this.chaptersType = type;
    }

    @Override
    public List<PodcastPerson> getPersons() {
        return persons;
    }

    @Override
    public void setPersons(List<PodcastPerson> persons) {
        this.persons = persons == null ? new ArrayList<>() : persons;
    }

    @Override
    public List<PodcastTxt> getTxt() {
        return txt;
    }

    @Override
    public void setTxt(List<PodcastTxt> txt) {
        this.txt = txt == null ? new ArrayList<>() : txt;
    }

    @Override
    public List<PodcastTranscript> getTranscripts() {
        return transcripts;
    }

    @Override
    public void setTranscripts(List<PodcastTranscript> transcripts) {
        this.transcripts = transcripts == null ? new ArrayList<>() : transcripts;
    }

    @Override
    public Class<? extends CopyFrom> getInterface() {
        return PodcastIndexModule.class;
    }

    @Override
    public void copyFrom(CopyFrom object) {
        var other = (PodcastIndexModule) object;
        guid = other.getGuid();
        locked = other.getLocked();
        lockedOwner = other.getLockedOwner();
        medium = other.getMedium();
        season = other.getSeason();
        seasonName = other.getSeasonName();
        episode = other.getEpisode();
        episodeDisplay = other.getEpisodeDisplay();
        chaptersUrl = other.getChaptersUrl();
        chaptersType = other.getChaptersType();
        persons = new ArrayList<>(other.getPersons().stream().map(PodcastPerson::clone).toList());
        txt = new ArrayList<>(other.getTxt());
        transcripts = new ArrayList<>(other.getTranscripts());
    }
}
