package dev.chapitre.waveforms.boundary;

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
 * Waveforms follow each commit in memory, so a kill, a lost claim or a change of the pause rule can
 * leave episodes without current ones. At start they are all queued (also those that failed); then,
 * every minute, those still behind. Episodes from before waveforms existed get theirs this way.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations") // the database is ready
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class WaveformResumption {

    private static final Logger LOG = Logger.getLogger(WaveformResumption.class.getName());

    @Inject
    WaveformJobs jobs;

    @Inject
    WaveformWork work;

    @Inject
    PauseSettings settings;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the class's does not reach a lifecycle callback (LifecycleCallbacksTest)
    void atStart() {
        resume(true);
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        resume(false);
    }

    /** An instance that left may have been computing: its claims go stale, then another takes them. */
    public void membersChanged(@Observes MembersChanged change) {
        resume(false);
    }

    private void resume(boolean withFailed) {
        try {
            var behind = jobs.behind(settings.rule(), withFailed, work.staleBefore());
            if (withFailed && !behind.isEmpty()) {
                LOG.info(() -> "Computing the waveforms of " + behind.size() + " episodes");
            }
            behind.forEach(id -> work.schedule(id, withFailed, false));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for episodes without a waveform; trying again in a minute", e);
        }
    }
}
