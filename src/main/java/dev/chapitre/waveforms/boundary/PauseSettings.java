package dev.chapitre.waveforms.boundary;

import dev.chapitre.waveforms.control.PauseRule;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The pause rule this instance finds pauses with, from the environment: {@code CHAPITRE_PAUSE_THRESHOLD_DB}
 * (whole dBFS, default -40) and {@code CHAPITRE_PAUSE_MIN_MS} (default 300). Instances of a cluster are
 * configured alike; waveforms found with another rule are computed again.
 */
@ApplicationScoped
public class PauseSettings {

    private static final Logger LOG = Logger.getLogger(PauseSettings.class.getName());

    @Inject
    @ConfigProperty(name = "CHAPITRE_PAUSE_THRESHOLD_DB", defaultValue = "-40")
    String thresholdDb;

    @Inject
    @ConfigProperty(name = "CHAPITRE_PAUSE_MIN_MS", defaultValue = "300")
    String minLengthMs;

    private PauseRule rule;

    @PostConstruct
    void read() {
        try {
            rule = new PauseRule(Integer.parseInt(thresholdDb.trim()), Integer.parseInt(minLengthMs.trim()));
        } catch (IllegalArgumentException e) {
            LOG.severe(() -> "CHAPITRE_PAUSE_THRESHOLD_DB and CHAPITRE_PAUSE_MIN_MS: " + e.getMessage()
                    + "; finding pauses with the defaults (" + PauseRule.SPEECH.thresholdDb() + " dB, " + PauseRule.SPEECH.minLengthMs() + " ms).");
            rule = PauseRule.SPEECH;
        }
    }

    public PauseRule rule() {
        return rule;
    }
}
