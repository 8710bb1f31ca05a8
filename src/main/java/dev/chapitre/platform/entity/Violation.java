package dev.chapitre.platform.entity;

/** One broken rule: which field of the input, and why, in words a producer or listener can act on. */
public record Violation(String field, String reason) {
}
