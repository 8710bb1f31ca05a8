package dev.chapitre.security.boundary;

import dev.chapitre.security.control.SignInThrottle;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every place that checks a password against an account (signing in, and a producer changing their
 * own password) under one throttle: failures per account and per address make the next attempts
 * wait, so a stolen session cannot guess the password that guards the account's other doors.
 */
@ApplicationScoped
public class PasswordChecks {

    /** What a check answered, or, when it did not run, how many seconds the client must wait. */
    public record Checked<T>(Optional<T> result, long waitSeconds) {
    }

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "CHAPITRE_SIGN_IN_MAX_FAILURES", defaultValue = "10")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "CHAPITRE_SIGN_IN_WINDOW_SECONDS", defaultValue = "60")
    long windowSeconds;

    @Inject
    @ConfigProperty(name = "CHAPITRE_SIGN_IN_LOCK_SECONDS", defaultValue = "60")
    long lockSeconds;

    @Inject
    @ConfigProperty(name = "CHAPITRE_SIGN_IN_MAX_LOCK_SECONDS", defaultValue = "3600")
    long maxLockSeconds;

    private SignInThrottle throttle;

    @PostConstruct
    void createThrottle() {
        throttle = new SignInThrottle(new SignInThrottle.Limits(maxFailures, Duration.ofSeconds(windowSeconds),
                Duration.ofSeconds(lockSeconds), Duration.ofSeconds(maxLockSeconds)), clock);
    }

    /**
     * The throttle's keys for a check: the client's address, and the account when the credential
     * names one (a token names none until it is found). Every caller counts on the same keys, so
     * failures at the sign-in form, on the API and on the password change add up.
     */
    public static List<String> keys(String clientNetwork, Optional<String> normalizedEmail) {
        var keys = new ArrayList<String>();
        keys.add("address " + clientNetwork);
        normalizedEmail.ifPresent(email -> keys.add("account " + email));
        return keys;
    }

    /**
     * Runs {@code check} unless one of {@code keys} must wait; an answer that is {@code wrong}
     * counts against every key, a right one or a check that threw (the database could not answer:
     * no fault of the client's) does not.
     */
    public <T> Checked<T> check(List<String> keys, Supplier<T> check, Predicate<T> wrong) {
        var admission = throttle.admit(keys);
        if (admission.attempt().isEmpty()) {
            return new Checked<>(Optional.empty(), Math.max(1, (admission.retryAfter().orElseThrow().toMillis() + 999) / 1000));
        }
        var attempt = admission.attempt().get();
        T result = null;
        try {
            result = check.get();
            return new Checked<>(Optional.of(result), 0);
        } finally {
            if (result != null && wrong.test(result)) {
                throttle.failed(attempt);
            } else {
                throttle.release(attempt);
            }
        }
    }
}
