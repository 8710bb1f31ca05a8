package dev.chapitre.security.entity;

import dev.chapitre.platform.entity.InstantColumn;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Pattern;

/** Someone who publishes shows. The email is the sign-in name. */
@Entity
@Table(name = "producer")
@NamedQuery(name = Producer.BY_EMAIL, query = "SELECT p FROM Producer p WHERE p.email = :email")
@NamedQuery(name = Producer.COUNT, query = "SELECT COUNT(p) FROM Producer p")
@NamedQuery(name = Producer.ALL, query = "SELECT p FROM Producer p ORDER BY p.id")
public class Producer {

    public static final String BY_EMAIL = "Producer.byEmail";
    public static final String COUNT = "Producer.count";
    public static final String ALL = "Producer.all";
    public static final int MIN_PASSWORD_LENGTH = 10;
    /** PBKDF2 hashes any length, but a megabyte password is a denial of service, not a password. */
    public static final int MAX_PASSWORD_LENGTH = 1000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, unique = true, length = 254)
    private String email;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 512)
    private String passwordHash;

    private boolean admin;

    @Column(nullable = false)
    private Instant createdAt;

    protected Producer() {
    }

    public Producer(String email, String name, String passwordHash, boolean admin) {
        this.email = normalizedEmail(email);
        this.name = name;
        this.passwordHash = passwordHash;
        this.admin = admin;
        this.createdAt = InstantColumn.now();
    }

    public static String normalizedEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    public static boolean isPlausibleEmail(String email) {
        return email != null && email.length() <= 254 && EMAIL.matcher(email.trim()).matches();
    }

    public void changePasswordHash(String newHash) {
        this.passwordHash = newHash;
    }

    public Long id() {
        return id;
    }

    public String email() {
        return email;
    }

    public String name() {
        return name;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isAdmin() {
        return admin;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
