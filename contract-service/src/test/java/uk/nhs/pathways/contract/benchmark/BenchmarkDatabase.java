package uk.nhs.pathways.contract.benchmark;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import uk.nhs.pathways.launcher.LocalPostgres;

/**
 * The benchmark's own database, {@value #DATABASE}, recreated for every run and owned by the service's own
 * role (as the service's real database is). Never the tests' or the local run's database.
 */
public class BenchmarkDatabase implements QuarkusTestResourceLifecycleManager {

    static final String DATABASE = "pathways_contract_bench";
    static final String ROLE = "pathways_contract";

    @Override
    public Map<String, String> start() {
        LocalPostgres postgres = LocalPostgres.fromEnvironment();
        try {
            postgres.recreateDatabase(DATABASE, ROLE, ROLE);
        } catch (Exception e) {
            throw new IllegalStateException("could not create the benchmark database " + DATABASE, e);
        }
        return Map.of(
                "quarkus.datasource.jdbc.url",
                postgres.jdbcUrl(DATABASE) + "?reWriteBatchedInserts=true",
                "quarkus.datasource.username",
                ROLE,
                "quarkus.datasource.password",
                ROLE);
    }

    @Override
    public void stop() {}
}
