package uk.nhs.pathways.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The migrations on a database that holds contracts and decisions from before them (decisions per route,
 * contract versions, commitments): in a schema of its own, migrated to V2, given a contract and a decision,
 * then migrated to the end.
 */
@QuarkusTest
class MigrationTest {

    static final String SCHEMA = "migration_check";

    // Connections of its own, not the service's pool: a search_path set here must not leak into it.
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String user;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    Connection connection() throws SQLException {
        return DriverManager.getConnection(url, user, password);
    }

    Flyway flyway(String target) {
        return Flyway.configure()
                .dataSource(url, user, password)
                .schemas(SCHEMA)
                .createSchemas(true)
                .locations("classpath:db/migration", "classpath:db/platform")
                .outOfOrder(true)
                .target(target)
                .load();
    }

    @AfterEach
    void dropSchema() throws SQLException {
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.execute("drop schema if exists " + SCHEMA + " cascade");
        }
    }

    @Test
    void decisionsBeforeRoutesAreRouteOneAndContractsBecomeTheirFirstVersion() throws SQLException {
        flyway("2").migrate();
        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            s.execute("insert into contract (id, commissioner_icb, model, max_contacts_per_episode, valid_from)"
                    + " values ('old-aqp', 'QWO', 'ANY_QUALIFIED_PROVIDER', 12, '2026-04-01')");
            s.execute("insert into funding_decision (referral_id, funded, contract_id, commissioner_icb,"
                    + " practice_ods_code, provider_id, site_id, sessions, reasons, decided_at, contacts_funded)"
                    + " values ('r-old', true, 'old-aqp', 'QWO', 'B86030', 'prov', 'site', 12, '', now(), 12)");
        }

        flyway("latest").migrate();

        try (Connection c = connection();
                Statement s = c.createStatement()) {
            s.execute("set search_path to " + SCHEMA);
            try (ResultSet r = s.executeQuery(
                    "select route_number, joint, class_id from funding_decision where referral_id = 'r-old'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt("route_number")).isEqualTo(1);
                assertThat(r.getString("joint")).isNull();
                assertThat(r.getString("class_id")).isNull();
            }
            // The contract's terms became its version 1; any qualified provider was paid per episode.
            try (ResultSet r = s.executeQuery("select version, joints, payment_model, provider_ids, valid_from,"
                    + " max_contacts_per_episode from contract_version where contract_id = 'old-aqp'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getInt("version")).isEqualTo(1);
                assertThat(r.getString("joints")).isEqualTo("KNEE,HIP");
                assertThat(r.getString("payment_model")).isEqualTo("ACTIVITY");
                assertThat(r.getString("provider_ids")).isNull();
                assertThat(r.getString("valid_from")).isEqualTo("2026-04-01");
                assertThat(r.getInt("max_contacts_per_episode")).isEqualTo(12);
                assertThat(r.next()).isFalse();
            }
            // A funded referral from before keeps its funding (as if offered); its decision is revision 1.
            try (ResultSet r = s.executeQuery("select e.stage, e.current_route, d.revision, d.commitment,"
                    + " d.first_decided_at = d.decided_at as same from referral_episode e join funding_decision d"
                    + " on d.referral_id = e.referral_id where e.referral_id = 'r-old'")) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString("stage")).isEqualTo("OFFERED");
                assertThat(r.getInt("current_route")).isEqualTo(1);
                assertThat(r.getInt("revision")).isEqualTo(1);
                assertThat(r.getString("commitment")).isEqualTo("NONE");
                assertThat(r.getBoolean("same")).isTrue();
            }
            // Versions of one contract never overlap, in the database too.
            s.execute("update contract_version set valid_to = '2027-03-31' where contract_id = 'old-aqp'");
            s.execute("insert into contract_version (contract_id, version, valid_from, max_contacts_per_episode,"
                    + " payment_model) values ('old-aqp', 2, '2027-04-01', 12, 'BLOCK')");
            assertThatThrownBy(
                            () -> s.execute(
                                    "insert into contract_version (contract_id, version, valid_from,"
                                            + " max_contacts_per_episode, payment_model) values ('old-aqp', 3, '2027-05-01', 4, 'BLOCK')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("contract_version_no_overlap");
            // A second route of the same referral is a decision of its own; the same route twice is not.
            String route2 = "insert into funding_decision (referral_id, route_number, funded, practice_ods_code,"
                    + " provider_id, site_id, sessions, reasons, decided_at, first_decided_at) values ('r-old', 2, false,"
                    + " 'B86030', 'prov-2', 'site-2', 12, 'no', now(), now())";
            s.execute(route2);
            assertThatThrownBy(() -> s.execute(route2)).isInstanceOf(SQLException.class);
        }
    }
}
