package uk.nhs.pathways.outcomes.demo;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.outcomes.report.domain.Quarter;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/**
 * With demo data on, the history appears once the directory's sites have been copied: past quarters with
 * completed courses across the sites, every kind of attendance and outcome, measures at the three
 * timepoints, reports with content and outcome events on the ICSs' topics; and only ever once.
 */
@QuarkusTest
@TestProfile(DemoHistoryTest.Demo.class)
class DemoHistoryTest {

    static final int SITES = 24;

    public static class Demo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "pathways.demo-data.enabled", "true",
                    "pathways.demo-data.min-sites", String.valueOf(SITES),
                    "pathways.demo-data.check-every", "1s");
        }
    }

    @Inject
    DemoHistory history;

    @Inject
    EntityManager entityManager;

    long count(String sql) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) entityManager.createNativeQuery(sql).getSingleResult()).longValue());
    }

    /** The site directory's part: sites at real practice postcodes across England, as its demo has them. */
    static void directory() {
        List<Map<String, String>> practices = ReferenceData.rows("gp_practices_england.csv");
        for (int i = 0; i < SITES; i++) {
            Map<String, String> practice = practices.get(i * 250);
            SiteStatus status = i % 12 == 5 ? SiteStatus.CEASED : i % 12 == 7 ? SiteStatus.PAUSED : SiteStatus.ACTIVE;
            String siteId = "demo-test-site-" + i;
            TestEvents.publish(
                    EventType.SITE_UPDATED,
                    siteId,
                    new SiteUpdated(
                            siteId,
                            "Site " + i,
                            "provider-" + (i % 5),
                            "Provider " + (i % 5),
                            ProviderType.values()[i % ProviderType.values().length],
                            Setting.values()[i % Setting.values().length],
                            practice.get("postcode"),
                            53.0,
                            -1.5,
                            i % 4 == 0 ? List.of(Joint.HIP) : List.of(Joint.KNEE, Joint.HIP),
                            i % 6 == 0 ? 8 : 12,
                            status,
                            List.of(AccessibilityFeature.HEARING_LOOP)));
        }
    }

    @Test
    void theHistoryIsGeneratedOnceWhenTheSitesAreHere() throws Exception {
        directory();
        await().atMost(Duration.ofSeconds(90)).until(() -> count("select count(*) from demo_history") == 1);

        long courses = count("select count(*) from course");
        assertThat(courses).isGreaterThan(100);
        assertThat(count("select courses from demo_history")).isEqualTo(courses);
        assertThat(count("select count(distinct site_id) from course")).isGreaterThan(SITES / 2);
        // At least two full past quarters of completed courses.
        Quarter last = Quarter.of(LocalDate.now()).previous();
        for (Quarter q : List.of(last, last.previous())) {
            assertThat(count("select count(*) from course where outcome = 'COMPLETED' and ended_on >= '" + q.firstDay()
                            + "' and ended_on < '" + q.endExclusive() + "'"))
                    .as("completers in " + q)
                    .isGreaterThan(5);
        }
        // Mostly attended; some drop-outs and did-not-attends; a few sessions cancelled.
        long sessions = count("select count(*) from course_session");
        assertThat(count("select count(*) from course_session where attendance = 'ATTENDED'"))
                .isGreaterThan(sessions * 6 / 10);
        assertThat(count("select count(*) from course_session where attendance = 'SESSION_CANCELLED'"))
                .isPositive()
                .isLessThan(sessions / 10);
        assertThat(count("select count(*) from course where outcome = 'DROPPED_OUT'"))
                .isPositive();
        assertThat(count("select count(*) from course where outcome = 'DID_NOT_ATTEND'"))
                .isPositive();
        assertThat(count("select count(*) from course where reduced")).isPositive();
        // Measures at all three timepoints, some responders and some not, some follow-ups missing.
        for (String timepoint : List.of("FIRST_SESSION", "LAST_SESSION", "FOLLOW_UP")) {
            assertThat(count("select count(*) from measure where timepoint = '" + timepoint + "'"))
                    .as(timepoint)
                    .isPositive();
        }
        assertThat(count("select count(*) from measure where responder")).isPositive();
        assertThat(count("select count(*) from measure where not responder")).isPositive();
        assertThat(count("""
                        select count(*) from course c where c.outcome = 'COMPLETED' and c.ended_on < current_date - 200
                        and not exists (select 1 from measure m where m.course_id = c.course_id and m.timepoint = 'FOLLOW_UP')""")).isPositive();

        // Every report has content.
        String admin = TestTokens.token("admin", null);
        List<Map<String, Object>> national = given().auth()
                .oauth2(admin)
                .get("/reports/national")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        assertThat(national).anyMatch(r -> "NATIONAL".equals(r.get("level")));
        Map<String, Object> sites =
                given().auth().oauth2(admin).get("/reports/national").jsonPath().getMap("sites");
        assertThat(((Number) sites.get("everDelivering")).intValue())
                .isGreaterThan(((Number) sites.get("deliveringInQuarter")).intValue());
        String icb = QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select icb from course group by icb order by count(*) desc limit 1")
                .getSingleResult());
        String analyst = TestTokens.token("analyst", icb);
        List<Map<String, Object>> quarterly = given().auth()
                .oauth2(analyst)
                .get("/reports/quarterly")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("rows");
        assertThat(quarterly)
                .anyMatch(r -> "SITE".equals(r.get("level")) && ((Number) r.get("completers")).intValue() > 0);
        assertThat(given().auth()
                        .oauth2(admin)
                        .get("/reports/fcp-monthly")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("rows"))
                .isNotEmpty();

        // ... and so has that ICB's outcome topic.
        try (TopicReader topic = new TopicReader(Topics.outcomes(icb))) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                List<String> types = new ArrayList<>(
                        topic.events().stream().map(CloudEvent::getType).toList());
                assertThat(types)
                        .contains(
                                EventType.OUTCOME_COURSE_STARTED.type(),
                                EventType.OUTCOME_SESSION_RECORDED.type(),
                                EventType.OUTCOME_COURSE_ENDED.type(),
                                EventType.OUTCOME_MEASURE_RECORDED.type());
            });
        }

        // Never twice, never at the same time.
        assertThat(history.generateOnce()).isEqualTo(DemoHistory.Result.ALREADY_THERE);
        DemoHistory.Result whileLocked = QuarkusTransaction.requiringNew().call(() -> {
            entityManager
                    .createNativeQuery("select pg_advisory_xact_lock(:key)")
                    .setParameter("key", DemoHistory.LOCK)
                    .getSingleResult();
            return CompletableFuture.supplyAsync(history::generateOnce).get();
        });
        assertThat(whileLocked).isEqualTo(DemoHistory.Result.BUSY);
        assertThat(count("select count(*) from course")).isEqualTo(courses);
    }
}
