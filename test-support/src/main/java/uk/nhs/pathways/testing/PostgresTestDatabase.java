package uk.nhs.pathways.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.testcontainers.postgresql.PostgreSQLContainer;
import uk.nhs.pathways.launcher.LocalPostgres;

/**
 * A fresh, empty PostgreSQL database for a service's tests, owned by the service's own role (init
 * argument {@code database}, e.g. {@code pathways_referral_test}; the role is the name without
 * {@code _test}). Local PostgreSQL by default; a Testcontainers PostgreSQL where Docker is available.
 */
public class PostgresTestDatabase implements QuarkusTestResourceLifecycleManager {

    private String database;
    private PostgreSQLContainer container;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.get("database");
        if (database == null) {
            throw new IllegalArgumentException("PostgresTestDatabase needs the init argument 'database'");
        }
    }

    @Override
    public Map<String, String> start() {
        String role = database.replaceAll("_test$", "");
        // Two checkouts testing the same module at once on one machine each need their own database.
        String suffix = System.getenv().getOrDefault("PATHWAYS_TEST_DATABASE_SUFFIX", "");
        if (!suffix.matches("[a-z0-9_]*")) {
            throw new IllegalArgumentException("PATHWAYS_TEST_DATABASE_SUFFIX: lower-case letters, digits, _");
        }
        database = database + suffix;
        if (TestInfrastructure.useDocker()) {
            container = new PostgreSQLContainer("postgres:16-alpine")
                    .withDatabaseName(database)
                    .withUsername(role)
                    .withPassword(role);
            container.start();
            return Map.of(
                    "quarkus.datasource.jdbc.url",
                    container.getJdbcUrl(),
                    "quarkus.datasource.username",
                    role,
                    "quarkus.datasource.password",
                    role);
        }
        LocalPostgres postgres = LocalPostgres.fromEnvironment();
        try {
            postgres.recreateDatabase(database, role, role);
        } catch (Exception e) {
            throw new IllegalStateException(
                    "could not create test database " + database
                            + " on the local PostgreSQL (PATHWAYS_PG_HOST/PORT/ADMIN_USER)",
                    e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl(database),
                "quarkus.datasource.username",
                role,
                "quarkus.datasource.password",
                role);
    }

    @Override
    public void stop() {
        if (container != null) {
            container.stop();
        }
    }
}
