package dev.chapitre.ratings.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The platform's random key for ratings, made once and kept: it salts the listener hashes (so
 * that one listener is recognised across days, unlike download counting's daily salts) and signs
 * the forms' CSRF tokens (so that they survive a restart).
 */
@Entity
@Table(name = "rating_secret")
public class RatingSecret {

    public static final int ID = 1;

    @Id
    private int id;

    @Column(nullable = false, length = 32)
    private byte[] secret;

    protected RatingSecret() {
    }

    public RatingSecret(byte[] secret) {
        this.id = ID;
        this.secret = secret.clone();
    }

    public byte[] secret() {
        return secret.clone();
    }
}
