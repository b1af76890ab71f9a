package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;
import uk.nhs.pathways.testing.TopicReader;

/** Classes move SCHEDULED -> RUNNING -> COMPLETED by their own dates, once, and say so on the topic. */
@QuarkusTest
class ClassDatesTest {

    static final String PROVIDER = "prov-dates";

    @Inject
    Classes classes;

    @Test
    void aClassRunsFromItsFirstSessionAndCompletesAfterItsLastOnceEach() {
        Fixtures.provider(PROVIDER, "THIRD_SECTOR");
        String site = Fixtures.addSite(Fixtures.site(
                PROVIDER, "Calendar Community Centre", "LS11 5AB", "COMMUNITY_CENTRE", List.of("KNEE"), "ACTIVE"));
        LocalDate start = Fixtures.next(DayOfWeek.TUESDAY, 1);
        String running = Fixtures.addClass(Fixtures.cohort(site, start, List.of("TUESDAY", "THURSDAY"), 8));
        String cancelled = Fixtures.addClass(Fixtures.cohort(site, start, List.of("TUESDAY", "THURSDAY"), 8));
        given().auth()
                .oauth2(ADMIN)
                .header("If-Match", Fixtures.etag("/classes/" + cancelled))
                .post("/classes/" + cancelled + "/cancel")
                .then()
                .statusCode(200);
        LocalDate last = LocalDate.parse(given().auth()
                .oauth2(ADMIN)
                .get("/classes/" + running)
                .then()
                .extract()
                .path("endDate"));

        classes.advanceByDate(start.minusDays(1));
        assertThat(status(running)).isEqualTo("SCHEDULED");
        classes.advanceByDate(start);
        assertThat(status(running)).isEqualTo("RUNNING");
        classes.advanceByDate(start.plusDays(2)); // again while running: nothing to do
        classes.advanceByDate(last);
        assertThat(status(running)).isEqualTo("RUNNING");
        classes.advanceByDate(last.plusDays(1));
        assertThat(status(running)).isEqualTo("COMPLETED");
        classes.advanceByDate(last.plusDays(30));
        assertThat(status(cancelled)).isEqualTo("CANCELLED");

        try (TopicReader reader = new TopicReader(Topics.CLASSES)) {
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> statuses(reader, running)
                            .equals(List.of(ClassStatus.SCHEDULED, ClassStatus.RUNNING, ClassStatus.COMPLETED)));
            assertThat(statuses(reader, cancelled)).containsExactly(ClassStatus.SCHEDULED, ClassStatus.CANCELLED);
            // Each event carries the class's own sequence number, in order: a consumer can tell it missed none.
            assertThat(reader.events().stream()
                            .filter(e -> running.equals(e.getSubject()))
                            .map(EventCodec::sequence)
                            .toList())
                    .containsExactly(1L, 2L, 3L);
        }
    }

    static String status(String classId) {
        return given().auth()
                .oauth2(ADMIN)
                .get("/classes/" + classId)
                .then()
                .statusCode(200)
                .extract()
                .path("status");
    }

    static List<ClassStatus> statuses(TopicReader reader, String classId) {
        return reader.events().stream()
                .filter(e -> classId.equals(e.getSubject()))
                .map(e -> EventCodec.payload(e, EventType.CLASS_UPDATED, ClassUpdated.class)
                        .status())
                .toList();
    }
}
