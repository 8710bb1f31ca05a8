package dev.chapitre.platform.boundary;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;

/**
 * Our own H2 file database under CHAPITRE_DATA_DIR: Payara's default datasource lives in a
 * temporary directory and would lose everything at each boot. Payara resolves
 * {@code ${MPCONFIG=...}} when the application deploys, so the path is run-time configuration.
 * <ul>
 * <li>{@code synced:} and {@code WRITE_DELAY=0}: a commit returns only once it is on disk (see
 * {@link DurableH2DataSource}); H2's default writes commits in the background and lost about
 * 10 % of acknowledged writes on kill -9.</li>
 * <li>MODE=LEGACY lets EclipseLink's IDENTITY DDL work on H2 2.x.</li>
 * <li>LOCK_TIMEOUT: concurrent ratings queue on their show's totals row; H2's default of one
 * second is too short under a burst.</li>
 * </ul>
 */
@DataSourceDefinition(
        name = "java:app/jdbc/chapitre",
        className = "dev.chapitre.platform.boundary.DurableH2DataSource",
        url = "jdbc:h2:" + DurableH2DataSource.SCHEME + ":file:${MPCONFIG=CHAPITRE_DATA_DIR}/db/chapitre"
                + ";WRITE_DELAY=0;MODE=LEGACY;DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000",
        user = "chapitre",
        password = "chapitre",
        minPoolSize = 1,
        maxPoolSize = 32)
@Singleton
public class DataSource {
}
