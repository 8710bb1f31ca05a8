package dev.chapitre.imports.boundary;

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
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Imports outlive the instance that ran them: at start, when an instance leaves the cluster, and
 * every minute, a running job whose runner is gone (or silent for {@link #SILENCE}) is claimed by
 * one instance, which carries on after the last item saved.
 */
@Startup
@Singleton
@DependsOn("SchemaMigrations")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ImportResumption {

    private static final Logger LOG = Logger.getLogger(ImportResumption.class.getName());
    /** Longer than any step between two heartbeats (a file's last bytes to the bucket, its commit). */
    static final Duration SILENCE = Duration.ofMinutes(10);

    @Inject
    ImportSteps steps;

    @Inject
    ImportRunner runner;

    @Inject
    ImportMembers members;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the class's does not reach a lifecycle callback (LifecycleCallbacksTest)
    void atStart() {
        resume();
    }

    @Schedule(minute = "*", hour = "*", persistent = false)
    void everyMinute() {
        resume();
    }

    public void membersChanged(@Observes MembersChanged change) {
        resume();
    }

    private void resume() {
        try {
            for (var job : steps.orphans(members.live(), runner.queued(), SILENCE)) {
                var claim = members.newRunner();
                if (steps.claim(job, claim)) {
                    LOG.info(() -> "Carrying on import " + job + ", whose instance stopped or fell silent");
                    runner.start(job, claim);
                }
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Could not look for imports to carry on; trying again in a minute", e);
        }
    }
}
