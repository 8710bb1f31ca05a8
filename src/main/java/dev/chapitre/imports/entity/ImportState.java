package dev.chapitre.imports.entity;

import java.util.Locale;

/** Where an import stands; the API writes it in lower case. */
public enum ImportState {
    RUNNING, DONE, FAILED, CANCELLED;

    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isOver() {
        return this != RUNNING;
    }
}
