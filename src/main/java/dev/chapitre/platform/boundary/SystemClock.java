package dev.chapitre.platform.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock that beans count time with; tests of the control classes pass their own. */
@ApplicationScoped
public class SystemClock {

    @Produces
    static final Clock UTC = Clock.systemUTC();
}
