package dev.chapitre.platform.boundary;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Our own H2 file database under CHAPITRE_DATA_DIR: Payara's default datasource lives in a
 * temporary directory and would lose everything at each boot. Payara resolves
 * {@code ${MPCONFIG=...}} when the application deploys, so the path is run-time configuration.
 * MODE=LEGACY lets EclipseLink's IDENTITY DDL work on H2 2.x. LOCK_TIMEOUT: concurrent ratings
 * queue on their show's totals row; H2's default of one second is too short under a burst.
 */
@DataSourceDefinition(
        name = "java:app/jdbc/chapitre",
        className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:file:${MPCONFIG=CHAPITRE_DATA_DIR}/db/chapitre;MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
        user = "chapitre",
        password = "chapitre",
        minPoolSize = 1,
        maxPoolSize = 32)
@Singleton
public class DataSource {
}
