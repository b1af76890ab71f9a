package uk.nhs.pathways.contract.demo;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import uk.nhs.pathways.launcher.LocalPostgres;

/**
 * A database of its own for a test of the demo data (recreated each run, owned by the service's role): demo
 * contracts in the tests' shared database would fund what other tests expect refused.
 */
public class DemoDatabase implements QuarkusTestResourceLifecycleManager {

    static final String ROLE = "pathways_contract";

    @Override
    public Map<String, String> start() {
        String database =
                "pathways_contract_demo_test" + System.getenv().getOrDefault("PATHWAYS_TEST_DATABASE_SUFFIX", "");
        LocalPostgres postgres = LocalPostgres.fromEnvironment();
        try {
            postgres.recreateDatabase(database, ROLE, ROLE);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the demo test database " + database, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(database),
                "quarkus.datasource.username", ROLE,
                "quarkus.datasource.password", ROLE);
    }

    @Override
    public void stop() {}
}
