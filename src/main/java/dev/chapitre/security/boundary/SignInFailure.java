package dev.chapitre.security.boundary;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;

/**
 * Why the sign-in form's POST opened no session: found by the authentication mechanism, which runs
 * first, and shown by the sign-in page of the same request above the form it shows again.
 */
sealed interface SignInFailure {

    /** The form's own token is missing or wrong: posted from another site, or from an old page. */
    record ForeignForm() implements SignInFailure {

        @Override
        public int status() {
            return 403;
        }

        @Override
        public String message() {
            return "This sign-in form had expired or did not come from this site. Please sign in again.";
        }
    }

    /** Too many failures from this address or for this account: every attempt waits, a right password too. */
    record Throttled(long retryAfterSeconds) implements SignInFailure {

        @Override
        public int status() {
            return 429;
        }

        @Override
        public String message() {
            return "Too many failed sign-ins from here or for this account. "
                    + "For your safety, please wait " + waitingTime(retryAfterSeconds) + " before trying again.";
        }
    }

    record WrongCredentials() implements SignInFailure {

        @Override
        public int status() {
            return 200; // the form again, as after any typo
        }

        @Override
        public String message() {
            return "The email or password is wrong.";
        }
    }

    int status();

    String message();

    default void attachTo(HttpServletRequest request) {
        request.setAttribute(SignInFailure.class.getName(), this);
    }

    static Optional<SignInFailure> of(HttpServletRequest request) {
        return request.getAttribute(SignInFailure.class.getName()) instanceof SignInFailure failure
                ? Optional.of(failure) : Optional.empty();
    }

    /** "45 seconds", "2 minutes": how long a throttled producer waits, rounded up. */
    static String waitingTime(long seconds) {
        if (seconds < 60) {
            return seconds == 1 ? "1 second" : seconds + " seconds";
        }
        var minutes = (seconds + 59) / 60;
        return minutes == 1 ? "1 minute" : minutes + " minutes";
    }
}
