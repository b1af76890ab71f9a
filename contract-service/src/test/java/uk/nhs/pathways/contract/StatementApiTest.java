package uk.nhs.pathways.contract;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static uk.nhs.pathways.contract.Fixtures.commissioner;
import static uk.nhs.pathways.contract.Fixtures.contract;
import static uk.nhs.pathways.contract.Fixtures.get;
import static uk.nhs.pathways.contract.Fixtures.post;
import static uk.nhs.pathways.contract.Fixtures.register;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.funding.domain.EpisodeActivity;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.EpisodeContext;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.OutcomeMeasureRecorded;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.KafkaTestCluster;
import uk.nhs.pathways.testing.TestEvents;

/**
 * Payment statements from delivered activity (courses started and completed on the referrals topic, responders
 * on the ICB's outcome topic): known figures, JSON and CSV, issuing (then immutable) and corrections.
 * Herefordshire and Worcestershire (QGH, practice M81001) is this class's alone.
 */
@QuarkusTest
class StatementApiTest {

    static final String ICB = "QGH";
    static final String PRACTICE = "M81001";
    static final YearMonth LAST_MONTH = YearMonth.now(ZoneOffset.UTC).minusMonths(1);

    @BeforeAll
    static void outcomeTopic() throws Exception {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaTestCluster.bootstrapServers());
        try (Admin admin = Admin.create(props)) {
            admin.createTopics(List.of(new NewTopic(Topics.outcomes(ICB), 3, (short) 1)))
                    .all()
                    .get();
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }

    /** A referral decided on the first of last month, its course started on the 2nd. */
    static String startedLastMonth(String provider) {
        String id = Fixtures.refer(
                PRACTICE,
                provider,
                "site-worcester",
                12,
                LAST_MONTH.atDay(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(Fixtures.decision(id).funded()).isTrue();
        Fixtures.started(id, LAST_MONTH.atDay(2));
        return id;
    }

    static void responder(String referralId, String provider) {
        EpisodeContext episode = new EpisodeContext(
                "course-" + referralId,
                referralId,
                "p-x",
                "65-74",
                Joint.KNEE,
                PRACTICE,
                "pcn",
                provider,
                "site-worcester",
                Setting.LEISURE_CENTRE,
                ICB);
        TestEvents.publish(
                Topics.outcomes(ICB),
                TestEvents.event(
                        EventType.OUTCOME_MEASURE_RECORDED,
                        "course-" + referralId,
                        new OutcomeMeasureRecorded(
                                episode,
                                Instrument.KOOS_PS,
                                Timepoint.FOLLOW_UP,
                                new BigDecimal("70"),
                                LAST_MONTH.atDay(25),
                                new BigDecimal("50"),
                                new BigDecimal("20"),
                                new BigDecimal("8"),
                                true)));
    }

    static long activities(String kind, List<String> referrals) {
        return Fixtures.count(
                "select count(*) from episode_activity where kind = ?1 and referral_id in ('"
                        + String.join("','", referrals) + "')",
                kind);
    }

    static String path(String contractId) {
        return "/contracts/" + contractId + "/statements/" + LAST_MONTH;
    }

    @Test
    void anOutcomeBasedStatementPaysCompletionsAndRespondersAndIsIssuedThenCorrected() {
        String provider = "prov-worc-" + UUID.randomUUID().toString().substring(0, 6);
        String contractId = provider + "-outcomes";
        register(
                ICB,
                contract(
                        contractId,
                        ICB,
                        "providerId",
                        provider,
                        "model",
                        "OUTCOME_BASED",
                        "pricePerCompletionPence",
                        13_000,
                        "pricePerResponderPence",
                        3_300));
        List<String> referrals = new java.util.ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String id = startedLastMonth(provider);
            referrals.add(id);
            Fixtures.ended(id, CourseOutcome.COMPLETED, LAST_MONTH.atDay(20));
            if (i < 4) {
                responder(id, provider);
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .until(() -> activities("COMPLETED", referrals) == 10 && activities("RESPONDER", referrals) == 4);

        get(commissioner(ICB), path(contractId))
                .statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("lines.item", equalTo(List.of("COMPLETIONS", "RESPONDERS")))
                .body("lines.quantity", equalTo(List.of(10, 4)))
                .body("lines.amountPence", equalTo(List.of(130_000, 13_200)))
                .body("commissionerPaysPence", equalTo(143_200))
                .body("commissionerPays", equalTo("1432.00"));

        post(commissioner(ICB), path(contractId) + "/issue", Map.of())
                .statusCode(201)
                .body("id", equalTo(contractId + "/" + LAST_MONTH + "/1"))
                .body("status", equalTo("ISSUED"))
                .body("commissionerPaysPence", equalTo(143_200));
        post(commissioner(ICB), path(contractId) + "/issue", Map.of()).statusCode(409);

        // An eleventh completion arrives late: the issued statement stands, a correction is due.
        String late = startedLastMonth(provider);
        Fixtures.ended(late, CourseOutcome.COMPLETED, LAST_MONTH.atDay(28));
        await().atMost(Duration.ofSeconds(30)).until(() -> activities("COMPLETED", List.of(late)) == 1);
        get(commissioner(ICB), path(contractId))
                .statusCode(200)
                .body("sequence", equalTo(1))
                .body("commissionerPaysPence", equalTo(143_200))
                .body("correctionDue", equalTo(true));
        post(commissioner(ICB), path(contractId) + "/issue", Map.of())
                .statusCode(201)
                .body("sequence", equalTo(2))
                .body("corrects", equalTo(contractId + "/" + LAST_MONTH + "/1"))
                .body("commissionerPaysPence", equalTo(156_200))
                .body("differencePence", equalTo(13_000))
                .body("correctionDue", equalTo(false));
        get(commissioner(ICB), path(contractId) + "?sequence=1")
                .statusCode(200)
                .body("commissionerPaysPence", equalTo(143_200));
        get(commissioner(ICB), "/contracts/" + contractId + "/statements")
                .statusCode(200)
                .body("sequence", equalTo(List.of(1, 2)));

        // Immutable in the database too.
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew()
                        .run(() -> Panache.getEntityManager()
                                .createNativeQuery(
                                        "update payment_statement set commissioner_pays_pence = 0 where contract_id = ?1")
                                .setParameter(1, contractId)
                                .executeUpdate()))
                .hasStackTraceContaining("an issued statement never changes");
        get(commissioner("QWO"), path(contractId)).statusCode(404);
        post(
                        commissioner(ICB),
                        "/contracts/" + contractId + "/statements/"
                                + YearMonth.now(ZoneOffset.UTC).plusMonths(1) + "/issue",
                        Map.of())
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
        get(commissioner(ICB), "/contracts/" + contractId + "/statements/May-2026")
                .statusCode(400)
                .body("errors[0].field", equalTo("month"));
    }

    @Test
    void aPrimeSubContractShowsTheCommissionersPaymentAndWhatThePrimeCarriesAndCsvIsDefused() {
        String provider = "prov-worc-" + UUID.randomUUID().toString().substring(0, 6);
        String contractId = provider + "-prime";
        register(
                ICB,
                contract(
                        contractId,
                        ICB,
                        "providerId",
                        provider,
                        "model",
                        "PRIME_SUB_CONTRACT",
                        "primeContractorId",
                        "prime-worc",
                        "pricePerEpisodePence",
                        13_000,
                        "subContractPricePerEpisodePence",
                        16_300));
        String id = startedLastMonth(provider);
        await().atMost(Duration.ofSeconds(30)).until(() -> activities("STARTED", List.of(id)) == 1);
        get(commissioner(ICB), path(contractId))
                .statusCode(200)
                .body("lines.item", equalTo(List.of("PRIME_REIMBURSEMENT", "SUB_CONTRACT_PAYMENT")))
                .body("lines.payee", equalTo(List.of("prime-worc", provider)))
                .body("commissionerPaysPence", equalTo(13_000))
                .body("commissionerPays", equalTo("130.00"))
                .body("primeCarriesPence", equalTo(3_300));

        // A provider id from an event that a spreadsheet would run as a formula.
        String formula = "=HYPERLINK(\"http://evil\",\"x\")";
        String aqp = "gh-aqp-" + UUID.randomUUID().toString().substring(0, 6);
        register(ICB, contract(aqp, ICB, "pricePerEpisodePence", 16_300));
        String odd = Fixtures.refer(
                PRACTICE, formula, "+site", 12, LAST_MONTH.atDay(1).atTime(9, 0).toInstant(ZoneOffset.UTC));
        assertThat(Fixtures.decision(odd).contractId()).isEqualTo(aqp);
        Fixtures.started(odd, LAST_MONTH.atDay(3));
        await().atMost(Duration.ofSeconds(30)).until(() -> activities("STARTED", List.of(odd)) == 1);
        String csv = given().auth()
                .oauth2(commissioner(ICB))
                .accept("text/csv")
                .get(path(aqp))
                .then()
                .statusCode(200)
                .contentType("text/csv")
                .extract()
                .asString();
        List<String> rows = csv.lines().toList();
        assertThat(rows.getFirst()).startsWith("statement,contract,commissioner,month,status");
        assertThat(rows.get(1))
                .contains("EPISODES_STARTED")
                .contains("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"")
                .contains(",16300,16300,163.00");
        assertThat(rows.getLast()).contains("TOTAL_COMMISSIONER_PAYS").endsWith(",16300,163.00");
        assertThat(csv).doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");

        String primeCsv = given().auth()
                .oauth2(commissioner(ICB))
                .accept("text/csv")
                .get(path(contractId))
                .asString();
        assertThat(primeCsv.lines().toList().getLast())
                .contains("TOTAL_CARRIED_BY_PRIME")
                .endsWith(",3300,33.00");
        assertThat(QuarkusTransaction.requiringNew()
                        .call(() -> EpisodeActivity.<EpisodeActivity>findById(
                                        new EpisodeActivity.Key(odd, EpisodeActivity.Kind.STARTED))
                                .contractId))
                .isEqualTo(aqp);
    }
}
