package dev.chapitre.downloads.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;

/**
 * The random salt of one day's listener identifiers. Kept two days (so a restart does not count
 * listeners twice), then deleted: after that, stored identifiers can no longer be linked to an
 * address by anyone, including us.
 */
@Entity
@Table(name = "listener_salt")
public class ListenerSalt {

    @Id
    @Column(name = "salt_day") // DAY is reserved in SQL
    private LocalDate day;

    @Column(nullable = false, length = 32)
    private byte[] salt;

    protected ListenerSalt() {
    }

    public ListenerSalt(LocalDate day, byte[] salt) {
        this.day = day;
        this.salt = salt.clone();
    }

    public byte[] salt() {
        return salt.clone();
    }
}
