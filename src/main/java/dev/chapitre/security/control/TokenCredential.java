package dev.chapitre.security.control;

import jakarta.security.enterprise.credential.Credential;

/** A bearer token as presented in "Authorization: Bearer …". */
public record TokenCredential(String secret) implements Credential {
}
