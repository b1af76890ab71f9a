package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.outbox.OutboxEvent;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.testing.TopicReader;

@QuarkusTest
class ClassesTest {

    static final String PROVIDER = "prov-classes-charity";
    static final String OTHER = "prov-classes-other";

    String site;

    @BeforeEach
    void aSite() {
        Fixtures.provider(PROVIDER, "THIRD_SECTOR");
        Fixtures.provider(OTHER, "LEISURE_OPERATOR");
        site = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Whitby Community Centre", "YO21 1SD", "COMMUNITY_CENTRE", List.of("KNEE", "HIP"), "ACTIVE"));
    }

    @Test
    void anAddedClassIsPublishedAsFullStateOnTheCompactedClassesTopicKeyedById() throws Exception {
        LocalDate tuesday = Fixtures.next(DayOfWeek.TUESDAY, 1);
        Map<String, Object> request = Fixtures.cohort(site, tuesday, List.of("TUESDAY", "THURSDAY"), 10);
        request.put("programmes", List.of("HIP", "KNEE"));
        request.put("durationMinutes", 45);
        Response created = given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .contentType(ContentType.JSON)
                .body(request)
                .post("/classes");
        created.then()
                .statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/classes/" + created.path("id")))
                .header("ETag", notNullValue())
                .body("siteId", equalTo(site))
                .body("providerId", equalTo(PROVIDER))
                .body("programmes", contains("KNEE", "HIP"))
                .body("days", contains("TUESDAY", "THURSDAY"))
                .body("startDate", equalTo(tuesday.toString()))
                .body("endDate", equalTo(tuesday.plusWeeks(5).plusDays(2).toString())) // Thursday of week 6
                .body("endTime", equalTo("10:45:00"))
                .body("weeks", equalTo(6))
                .body("reducedVariant", equalTo(false))
                .body("placesTaken", equalTo(0))
                .body("freePlaces", equalTo(10))
                .body("status", equalTo("SCHEDULED"));
        String id = created.path("id");

        try (TopicReader reader = new TopicReader(Topics.CLASSES)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.poll().stream().anyMatch(r -> id.equals(r.key())));
            CloudEvent event = reader.events().stream()
                    .filter(e -> id.equals(e.getSubject()))
                    .findFirst()
                    .orElseThrow();
            assertThat(event.getType()).isEqualTo("uk.nhs.pathways.class.updated");
            assertThat(event.getSource()).hasToString("/pathways/site-directory-service");
            assertThat(event.getDataSchema()).hasToString("urn:pathways:schema:class.updated:v1");
            ClassUpdated payload = EventCodec.payload(event, EventType.CLASS_UPDATED, ClassUpdated.class);
            assertThat(payload)
                    .isEqualTo(new ClassUpdated(
                            id,
                            site,
                            PROVIDER,
                            List.of(Joint.KNEE, Joint.HIP),
                            tuesday,
                            List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                            LocalTime.of(10, 0),
                            12,
                            10,
                            0,
                            FacilitatorType.PHYSIOTHERAPIST,
                            ClassStatus.SCHEDULED,
                            45));
            var json = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(event.getData().toBytes());
            assertThat(json.get("startDate").asText()).isEqualTo(tuesday.toString());
            assertThat(json.get("startTime").asText()).isEqualTo("10:00:00");
        }
    }

    @Test
    void aReducedVariantIsRecordedAsSuchNotHidden() {
        Map<String, Object> request =
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.MONDAY, 2), List.of("MONDAY", "WEDNESDAY"), 8);
        request.put("sessions", 8);
        Fixtures.postClass(ADMIN, request)
                .statusCode(201)
                .body("sessions", equalTo(8))
                .body("weeks", equalTo(4))
                .body("reducedVariant", equalTo(true));
    }

    @Test
    void badInputIsRefusedWithProblemJsonNamingEachFieldAndNothingIsWritten() {
        long[] before = counts();
        LocalDate tuesday = Fixtures.next(DayOfWeek.TUESDAY, 1);
        List<String> tueThu = List.of("TUESDAY", "THURSDAY");

        expectBadField(Fixtures.cohort(site, tuesday, tueThu, 30), "capacity");
        expectBadField(Fixtures.cohort(site, tuesday, tueThu, 2), "capacity");
        // 12 sessions do not fill whole weeks at five days a week; 8 do not at three
        expectBadField(
                Fixtures.cohort(site, tuesday, List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"), 10),
                "days");
        expectBadField(
                with(
                        Fixtures.cohort(
                                site, Fixtures.next(DayOfWeek.MONDAY, 1), List.of("MONDAY", "WEDNESDAY", "FRIDAY"), 10),
                        r -> r.put("sessions", 8)),
                "days");
        expectBadField(Fixtures.cohort(site, tuesday, List.of(), 10), "days");
        // the first session is on the start date, which must be one of the days
        expectBadField(Fixtures.cohort(site, Fixtures.next(DayOfWeek.WEDNESDAY, 1), tueThu, 10), "startDate");
        expectBadField(Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, -2), tueThu, 10), "startDate");
        expectBadField(Fixtures.cohort("no-such-site", tuesday, tueThu, 10), "siteId");
        expectBadField(with(Fixtures.cohort(site, tuesday, tueThu, 10), r -> r.put("sessions", 14)), "sessions");
        expectBadField(with(Fixtures.cohort(site, tuesday, tueThu, 10), r -> r.put("startTime", "21:30")), "startTime");
        expectBadField(with(Fixtures.cohort(site, tuesday, tueThu, 10), r -> r.put("capacity", "ten")), "capacity");
        expectBadField(
                with(Fixtures.cohort(site, tuesday, tueThu, 10), r -> r.put("facilitatorType", "SURGEON")),
                "facilitatorType");
        // one response names every field at fault
        Fixtures.postClass(
                        ADMIN,
                        with(
                                Fixtures.cohort(
                                        site,
                                        Fixtures.next(DayOfWeek.WEDNESDAY, 1),
                                        List.of("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                                        99),
                                r -> r.put("sessions", 12)))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("capacity", "days"));
        // a knee-only site runs no hip classes
        String kneeOnly = Fixtures.addSite(
                Fixtures.site(PROVIDER, "Knee only", "YO22 5DP", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE"));
        before = counts();
        expectBadField(
                with(Fixtures.cohort(kneeOnly, tuesday, tueThu, 10), r -> r.put("programmes", List.of("HIP"))),
                "programmes");

        assertThat(counts())
                .as("classes and outbox events after refused requests")
                .isEqualTo(before);
    }

    @Test
    void aClassCannotBeAddedAtACeasedSite() {
        String ceased = Fixtures.addSite(
                Fixtures.site(PROVIDER, "Closed hall", "YO21 2PA", "COMMUNITY_CENTRE", List.of("KNEE"), "CEASED"));
        long[] before = counts();
        expectBadField(
                Fixtures.cohort(ceased, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), 8),
                "siteId");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void aLostUpdateIsRefusedWith412AndAConcurrentOneLosesToo() throws Exception {
        Map<String, Object> request =
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, 2), List.of("TUESDAY", "THURSDAY"), 10);
        String id = Fixtures.addClass(request);
        String etag = Fixtures.etag("/classes/" + id);

        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .body(with(request, r -> r.put("capacity", 12)))
                .put("/classes/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");
        String newTag = given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(with(request, r -> r.put("capacity", 12)))
                .put("/classes/" + id)
                .then()
                .statusCode(200)
                .body("capacity", equalTo(12))
                .extract()
                .header("ETag");
        assertThat(newTag).isNotEqualTo(etag);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(with(request, r -> r.put("capacity", 6)))
                .put("/classes/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json");

        // two editors holding the same ETag at the same moment: exactly one wins
        CyclicBarrier start = new CyclicBarrier(2);
        List<CompletableFuture<Integer>> editors = new ArrayList<>();
        for (int capacity : new int[] {8, 9}) {
            editors.add(CompletableFuture.supplyAsync(() -> {
                try {
                    start.await();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                return given().auth()
                        .oauth2(ADMIN)
                        .contentType(ContentType.JSON)
                        .header("If-Match", newTag)
                        .body(with(request, r -> r.put("capacity", capacity)))
                        .put("/classes/" + id)
                        .statusCode();
            }));
        }
        List<Integer> statuses =
                editors.stream().map(CompletableFuture::join).sorted().toList();
        assertThat(statuses).containsExactly(200, 412);
    }

    @Test
    void aProviderManagesOnlyTheClassesAtItsOwnSites() {
        Map<String, Object> request =
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.TUESDAY, 3), List.of("TUESDAY", "THURSDAY"), 10);
        Fixtures.postClass(Fixtures.providerToken(OTHER), request)
                .statusCode(403)
                .contentType("application/problem+json");
        String id = Fixtures.postClass(Fixtures.providerToken(PROVIDER), request)
                .statusCode(201)
                .extract()
                .path("id");
        String etag = Fixtures.etag("/classes/" + id);
        given().auth()
                .oauth2(Fixtures.providerToken(OTHER))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(request)
                .put("/classes/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.providerToken(OTHER))
                .header("If-Match", etag)
                .post("/classes/" + id + "/cancel")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(with(request, r -> r.put("startTime", "14:00")))
                .put("/classes/" + id)
                .then()
                .statusCode(200)
                .body("startTime", equalTo("14:00:00"));
        Fixtures.postClass(uk.nhs.pathways.testing.TestTokens.token("referrer", "B86030"), request)
                .statusCode(403);
    }

    @Test
    void aCancelledClassStaysCancelledAndIsPublishedSo() {
        Map<String, Object> request =
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.MONDAY, 4), List.of("MONDAY", "THURSDAY"), 10);
        String id = Fixtures.addClass(request);
        String etag = given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/classes/" + id))
                .post("/classes/" + id + "/cancel")
                .then()
                .statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .extract()
                .header("ETag");
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", etag)
                .body(with(request, r -> r.put("status", "SCHEDULED")))
                .put("/classes/" + id)
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("status"));

        try (TopicReader reader = new TopicReader(Topics.CLASSES)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> reader.events().stream()
                            .filter(e -> id.equals(e.getSubject()))
                            .map(e -> EventCodec.payload(e, EventType.CLASS_UPDATED, ClassUpdated.class)
                                    .status())
                            .toList()
                            .equals(List.of(ClassStatus.SCHEDULED, ClassStatus.CANCELLED)));
        }
    }

    @Test
    void aClassEnteredByMistakeIsDeletedAndTombstonedOnTheTopic() {
        String id = Fixtures.addClass(
                Fixtures.cohort(site, Fixtures.next(DayOfWeek.FRIDAY, 6), List.of("WEDNESDAY", "FRIDAY"), 10));
        given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .delete("/classes/" + id)
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Fixtures.providerToken(OTHER))
                .header("If-Match", Fixtures.etag("/classes/" + id))
                .delete("/classes/" + id)
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .header("If-Match", Fixtures.etag("/classes/" + id))
                .delete("/classes/" + id)
                .then()
                .statusCode(204);
        given().auth().oauth2(ADMIN).get("/classes/" + id).then().statusCode(404);

        try (TopicReader reader = new TopicReader(Topics.CLASSES)) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                var records =
                        reader.poll().stream().filter(r -> id.equals(r.key())).toList();
                return records.size() == 2
                        && records.get(0).value() != null
                        && records.get(1).value() == null;
            });
        }
    }

    @Test
    void retiringASiteCancelsItsClassesAndKeepsItsHistory() {
        String hall = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Retiring hall", "YO22 5DP", "COMMUNITY_CENTRE", List.of("KNEE", "HIP"), "ACTIVE"));
        String a = Fixtures.addClass(
                Fixtures.cohort(hall, Fixtures.next(DayOfWeek.TUESDAY, 1), List.of("TUESDAY", "THURSDAY"), 8));
        String b = Fixtures.addClass(
                Fixtures.cohort(hall, Fixtures.next(DayOfWeek.MONDAY, 5), List.of("MONDAY", "WEDNESDAY"), 8));

        given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .post("/sites/" + hall + "/retire")
                .then()
                .statusCode(428);
        given().auth()
                .oauth2(Fixtures.providerToken(PROVIDER))
                .header("If-Match", Fixtures.etag("/sites/" + hall))
                .post("/sites/" + hall + "/retire")
                .then()
                .statusCode(200)
                .body("status", equalTo("CEASED"))
                .body("statusChangedOn", equalTo(Fixtures.today().toString()));

        given().auth()
                .oauth2(ADMIN)
                .get("/sites/" + hall + "/classes")
                .then()
                .statusCode(200)
                .body("id", containsInAnyOrder(a, b))
                .body("status", everyItem(equalTo("CANCELLED")));
        given().auth()
                .oauth2(ADMIN)
                .get("/sites/" + hall + "/status-history")
                .then()
                .statusCode(200)
                .body("status", contains("ACTIVE", "CEASED"));
        expectBadField(
                Fixtures.cohort(hall, Fixtures.next(DayOfWeek.TUESDAY, 2), List.of("TUESDAY", "THURSDAY"), 8),
                "siteId");
    }

    @Test
    void aSiteKeepsTheProgrammesItsClassesNeedAndIsNotDeletedUnderThem() {
        Map<String, Object> siteBody = Fixtures.site(
                PROVIDER, "Onboarding hall", "YO21 3EN", "COMMUNITY_CENTRE", List.of("KNEE", "HIP"), "ONBOARDING");
        String hall = Fixtures.addSite(siteBody);
        String hip = Fixtures.addClass(with(
                Fixtures.cohort(hall, Fixtures.next(DayOfWeek.TUESDAY, 2), List.of("TUESDAY", "THURSDAY"), 8),
                r -> r.put("programmes", List.of("HIP"))));
        long[] before = counts();

        // a class still to run covers HIP: the site cannot drop it
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/sites/" + hall))
                .body(with(siteBody, r -> r.put("programmes", List.of("KNEE"))))
                .put("/sites/" + hall)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", contains("programmes"));
        // never active, but it has a class: retired, not deleted
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/sites/" + hall))
                .delete("/sites/" + hall)
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
        assertThat(counts())
                .as("classes and outbox events after refused changes")
                .isEqualTo(before);

        // once the class is cancelled, HIP can go
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/classes/" + hip))
                .post("/classes/" + hip + "/cancel")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ADMIN)
                .contentType(ContentType.JSON)
                .header("If-Match", Fixtures.etag("/sites/" + hall))
                .body(with(siteBody, r -> r.put("programmes", List.of("KNEE"))))
                .put("/sites/" + hall)
                .then()
                .statusCode(200)
                .body("programmes", contains("KNEE"));
    }

    static void expectBadField(Map<String, Object> request, String field) {
        Fixtures.postClass(ADMIN, request)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem(field));
    }

    static Map<String, Object> with(Map<String, Object> request, Consumer<Map<String, Object>> change) {
        Map<String, Object> copy = new HashMap<>(request);
        change.accept(copy);
        return copy;
    }

    /** Rows of classes and of outbox events: what a half-written change would leave behind. */
    static long[] counts() {
        return QuarkusTransaction.requiringNew().call(() -> new long[] {Cohort.count(), OutboxEvent.count()});
    }
}
