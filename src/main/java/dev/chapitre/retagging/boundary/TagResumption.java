package dev.chapitre.retagging.boundary;

import dev.chapitre.platform.entity.MembersChanged;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-tagging follows each commit in memory, so a kill (or a job lost any other way) can leave an
 * MP3 whose tag, and length in the feed, lag behind the episode. At start every such episode is
 * re-tagged (also those whose last attempt failed); then, every minute, those that fell behind
 * without an error.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations") // the database is ready
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class TagResumption {

    private static final Logger LOG = Logger.getLogger(TagResumption.class.getName());

    @Inject
    TagJobs jobs;

    @Inject
    Retagger retagger;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the class's does not reach a lifecycle callback (LifecycleCallbacksTest)
    void atStart() {
        resume(true);
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        resume(false);
    }

    /** An instance that left may have been re-tagging: its episodes need not wait for the next minute. */
    public void membersChanged(@Observes MembersChanged change) {
        resume(false);
    }

    private void resume(boolean withFailed) {
        try {
            var behind = jobs.behind(withFailed);
            if (withFailed && !behind.isEmpty()) {
                LOG.info(() -> "Re-tagging " + behind.size() + " episodes whose MP3 lags behind their content");
            }
            behind.forEach(retagger::resume);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for episodes to re-tag; trying again in a minute", e);
        }
    }
}
