package uk.nhs.pathways.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static uk.nhs.pathways.contract.Fixtures.commissioner;
import static uk.nhs.pathways.contract.Fixtures.contract;
import static uk.nhs.pathways.contract.Fixtures.post;
import static uk.nhs.pathways.contract.Fixtures.register;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TopicReader;

/**
 * What-if: the commissioner's last months of decisions replayed with a contract changed or a draft added,
 * answering how many more (or fewer) would have been funded, at what cost, by site and provider, and changing
 * nothing. Surrey Heartlands (QXU, practice H81002) is this class's alone.
 */
@QuarkusTest
class WhatIfTest {

    static final String ICB = "QXU";
    static final String PRACTICE = "H81002";
    static final String CAPPED = "prov-surrey-capped";
    static final String FUNDED = "prov-surrey-funded";
    static final String BLOCK = "xu-block-4";
    static final String ACTIVITY = "xu-activity";

    static boolean seeded;

    @BeforeEach
    void decisionsToReplay() {
        if (seeded) {
            return;
        }
        register(
                ICB, contract(BLOCK, ICB, "model", "BLOCK", "maxContactsPerEpisode", 4, "blockAmountPence", 3_000_000));
        register(ICB, contract(ACTIVITY, ICB, "providerId", FUNDED, "pricePerEpisodePence", 16_300));
        for (int i = 0; i < 6; i++) {
            String site = i % 2 == 0 ? "site-woking" : "site-guildford";
            Fixtures.decision(Fixtures.refer(PRACTICE, CAPPED, site, 12, Instant.now()));
        }
        for (int i = 0; i < 2; i++) {
            Fixtures.decision(Fixtures.refer(PRACTICE, FUNDED, "site-epsom", 12, Instant.now()));
        }
        seeded = true;
    }

    static JsonPath whatIf(Map<String, Object> request) {
        return post(commissioner(ICB), "/contracts/what-if", request)
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Every table's rows and a digest of the ones a what-if could touch. */
    static Map<String, Object> everything() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<String, Object> state = new LinkedHashMap<>();
            for (String table : List.of(
                    "contract",
                    "contract_version",
                    "funding_decision",
                    "funding_decision_revision",
                    "referral_episode",
                    "contract_period_usage",
                    "utilisation_alert",
                    "episode_activity",
                    "payment_statement",
                    "site",
                    "outbox_event",
                    "processed_event",
                    "dead_letter")) {
                state.put(
                        table,
                        Panache.getEntityManager()
                                .createNativeQuery(
                                        "select count(*) || ':' || coalesce(md5(string_agg(t::text, '|' order by t::text)), '')"
                                                + " from " + table + " t")
                                .getSingleResult());
            }
            return state;
        });
    }

    @Test
    void twelveContactsInsteadOfFourWouldHaveFundedTheCappedReferralsAndNothingChanges() {
        Map<String, Object> before = everything();
        long decisionsBefore;
        try (TopicReader reader = new TopicReader(Topics.FUNDING_DECISIONS)) {
            decisionsBefore = reader.poll().size();
        }

        JsonPath answer = whatIf(Map.of(
                "months",
                12,
                "contractId",
                BLOCK,
                "changes",
                Map.of("maxContactsPerEpisode", 12, "model", "ACTIVITY", "pricePerEpisodePence", 16_300)));
        assertThat(answer.getInt("referrals")).isEqualTo(8);
        assertThat(answer.getLong("baseline.funded")).isEqualTo(2);
        assertThat(answer.getLong("baseline.costPence")).isEqualTo(2 * 16_300);
        assertThat(answer.getLong("scenario.funded")).isEqualTo(8);
        assertThat(answer.getLong("fundedDifference")).isEqualTo(6);
        assertThat(answer.getLong("costDifferencePence")).isEqualTo(6 * 16_300);
        assertThat(answer.getList("bySite.siteId")).containsExactly("site-epsom", "site-guildford", "site-woking");
        assertThat(answer.getList("bySite.fundedDifference", Long.class)).containsExactly(0L, 3L, 3L);
        assertThat(answer.getList("byProvider.providerId")).containsExactly(CAPPED, FUNDED);
        assertThat(answer.getList("byProvider.fundedDifference", Long.class)).containsExactly(6L, 0L);
        assertThat(answer.getList("byProvider.costDifferencePence", Long.class)).containsExactly(6L * 16_300, 0L);

        // Fewer, too: a cap of one episode a quarter on the activity contract.
        JsonPath fewer =
                whatIf(Map.of("months", 3, "contractId", ACTIVITY, "changes", Map.of("maxEpisodesPerPeriod", 1)));
        assertThat(fewer.getLong("fundedDifference")).isEqualTo(-1);
        assertThat(fewer.getLong("costDifferencePence")).isEqualTo(-16_300);

        // A draft contract with the capped provider at another price.
        JsonPath draft = whatIf(Map.of(
                "months",
                6,
                "commissionerIcb",
                ICB,
                "draft",
                Map.of(
                        "providerIds",
                        List.of(CAPPED),
                        "model",
                        "ACTIVITY",
                        "maxContactsPerEpisode",
                        12,
                        "pricePerEpisodePence",
                        15_000)));
        assertThat(draft.getLong("fundedDifference")).isEqualTo(6);
        assertThat(draft.getLong("costDifferencePence")).isEqualTo(6 * 15_000);

        assertThat(everything()).isEqualTo(before);
        try (TopicReader reader = new TopicReader(Topics.FUNDING_DECISIONS)) {
            assertThat(reader.poll()).hasSize((int) decisionsBefore);
        }
        Fixtures.get(commissioner(ICB), "/contracts/" + BLOCK).body("maxContactsPerEpisode", equalTo(4));
    }

    @Test
    void anotherIcbsContractOrDraftIsNotFoundAndTheWindowIsAtMostTwoYears() {
        post(
                        commissioner("QWO"),
                        "/contracts/what-if",
                        Map.of("months", 6, "contractId", BLOCK, "changes", Map.of("maxContactsPerEpisode", 12)))
                .statusCode(404)
                .contentType("application/problem+json");
        post(
                        commissioner("QWO"),
                        "/contracts/what-if",
                        Map.of(
                                "months",
                                6,
                                "commissionerIcb",
                                ICB,
                                "draft",
                                Map.of("model", "ACTIVITY", "maxContactsPerEpisode", 12)))
                .statusCode(404);
        post(
                        commissioner(ICB),
                        "/contracts/what-if",
                        Map.of(
                                "months",
                                6,
                                "contractId",
                                "no-such-" + UUID.randomUUID(),
                                "changes",
                                Map.of("maxContactsPerEpisode", 12)))
                .statusCode(404);
        for (int months : new int[] {0, 25}) {
            post(
                            commissioner(ICB),
                            "/contracts/what-if",
                            Map.of(
                                    "months",
                                    months,
                                    "contractId",
                                    BLOCK,
                                    "changes",
                                    Map.of("maxContactsPerEpisode", 12)))
                    .statusCode(400)
                    .body("errors[0].field", equalTo("months"));
        }
        post(commissioner(ICB), "/contracts/what-if", Map.of("months", 6))
                .statusCode(400)
                .body("errors[0].field", equalTo("contractId"));
        post(
                        commissioner(ICB),
                        "/contracts/what-if",
                        Map.of("months", 6, "contractId", BLOCK, "changes", Map.of("maxEpisodesPerPeriod", -1)))
                .statusCode(400)
                .body("errors[0].field", equalTo("changes.maxEpisodesPerPeriod"));
    }
}
