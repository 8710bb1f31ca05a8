package dev.chapitre.imports.boundary;

/** Fired in the transaction that made an import job; it starts running once that commits. */
public record ImportStarted(String jobId, String runner) {
}
