package dev.chapitre;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The producer API. Public pages, feeds and media are served outside {@code /api}. */
@ApplicationPath("api")
public class ChapitreApplication extends Application {
}
