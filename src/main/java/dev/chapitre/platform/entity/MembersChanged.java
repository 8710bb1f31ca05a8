package dev.chapitre.platform.entity;

/**
 * An instance joined or left the cluster. Announcements sent while it happened may be lost, so
 * memories of the shared data are dropped; {@code leading} says whether this instance now does the
 * work that is done once for the whole cluster.
 */
public record MembersChanged(int members, boolean leading) {
}
