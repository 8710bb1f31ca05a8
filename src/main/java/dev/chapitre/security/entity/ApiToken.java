package dev.chapitre.security.entity;

import dev.chapitre.platform.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A bearer token for the API. Only the SHA-256 of the secret is stored: the secret is 256 random
 * bits, so a fast hash is enough and keeps every API call cheap (PBKDF2 is for passwords).
 */
@Entity
@Table(name = "api_token")
@NamedQuery(name = ApiToken.BY_HASH, query = "SELECT t FROM ApiToken t JOIN FETCH t.producer WHERE t.secretHash = :hash")
@NamedQuery(name = ApiToken.OF_PRODUCER, query = "SELECT t FROM ApiToken t WHERE t.producer = :producer ORDER BY t.createdAt")
public class ApiToken {

    public static final String BY_HASH = "ApiToken.byHash";
    public static final String OF_PRODUCER = "ApiToken.ofProducer";

    @Id
    @Column(length = 32)
    private String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "producer_id", nullable = false)
    private Producer producer;

    @Column(nullable = false, unique = true, length = 64)
    private String secretHash;

    @Column(length = 100)
    private String label;

    @Column(nullable = false)
    private Instant createdAt;

    protected ApiToken() {
    }

    public ApiToken(String id, Producer producer, String secretHash, String label) {
        this.id = id;
        this.producer = producer;
        this.secretHash = secretHash;
        this.label = label;
        this.createdAt = InstantColumn.now();
    }

    public String id() {
        return id;
    }

    public Producer producer() {
        return producer;
    }

    public String label() {
        return label;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
