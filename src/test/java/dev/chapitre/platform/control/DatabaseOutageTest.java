package dev.chapitre.platform.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

class DatabaseOutageTest {

    @Test
    void aRefusedConnectionDeepInTheChainIsAnOutage() {
        // PostgreSQL's driver: SQLState 08001 "Connection to 127.0.0.1:5432 refused", wrapped by
        // the pool, then by EclipseLink, then by the EJB container.
        var refused = new SQLException("Connection to 127.0.0.1:5432 refused", "08001");
        var wrapped = new RuntimeException("EJB", new PersistenceException("EclipseLink", new SQLException("Error in allocating a connection", refused)));
        assertEquals(refused, DatabaseOutage.causeOf(wrapped).orElseThrow());
        assertTrue(DatabaseOutage.causeOf(new SQLTransientConnectionException("pool timed out")).isPresent());
    }

    @Test
    void ourOwnMistakesAreNot() {
        assertTrue(DatabaseOutage.causeOf(new IllegalStateException("a bug")).isEmpty());
        assertTrue(DatabaseOutage.causeOf(new PersistenceException(new SQLException("duplicate key", "23505"))).isEmpty(),
                "a constraint is the data's answer, not an outage");
        assertTrue(DatabaseOutage.causeOf(new PersistenceException(new SQLException("syntax", (String) null))).isEmpty());
    }
}
