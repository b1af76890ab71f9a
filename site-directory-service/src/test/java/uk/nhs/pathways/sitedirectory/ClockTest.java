package uk.nhs.pathways.sitedirectory;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static uk.nhs.pathways.sitedirectory.Fixtures.ADMIN;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * "Today" and "now" come from the injected clock, and today is England's date: at 23:30 UTC on Tuesday
 * 10 June 2031 it is already Wednesday 11 June in London (summer time). Its own profile: a fresh database.
 */
@QuarkusTest
@TestProfile(ClockTest.At.class)
class ClockTest {

    static final Instant NOW = Instant.parse("2031-06-10T23:30:00Z");
    static final String TODAY = "2031-06-11";

    public static class At implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(FixedClock.class);
        }
    }

    /** Replaces platform-support's system clock in this profile only. */
    @Alternative
    @Singleton
    public static class FixedClock {
        @Produces
        @Singleton
        Clock clock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void datesAndTimesFollowTheInjectedClockInEngland() {
        Fixtures.provider("prov-clock", "LEISURE_OPERATOR");
        Map<String, Object> siteBody = Fixtures.site(
                "prov-clock", "Clockwork Leisure", "LS12 3AB", "LEISURE_CENTRE", List.of("KNEE"), "ACTIVE");
        String site = Fixtures.addSite(siteBody);
        given().auth()
                .oauth2(ADMIN)
                .get("/sites/" + site)
                .then()
                .statusCode(200)
                .body("statusChangedOn", equalTo(TODAY));
        String recordedAt = given().auth()
                .oauth2(ADMIN)
                .get("/sites/" + site + "/status-history")
                .then()
                .statusCode(200)
                .extract()
                .path("[0].recordedAt");
        assertThat(OffsetDateTime.parse(recordedAt).toInstant()).isEqualTo(NOW);

        // Tuesday 10 June is yesterday in England; Thursday 12 June is to come
        Map<String, Object> tuesday =
                Fixtures.cohort(site, LocalDate.parse("2031-06-10"), List.of("TUESDAY", "THURSDAY"), 10);
        Fixtures.postClass(ADMIN, tuesday).statusCode(400).body("errors.field", hasItem("startDate"));
        String id = Fixtures.addClass(
                Fixtures.cohort(site, LocalDate.parse("2031-06-12"), List.of("TUESDAY", "THURSDAY"), 10));

        // a search starts from today unless told otherwise
        given().auth()
                .oauth2(ADMIN)
                .queryParam("postcode", "LS12 3AB")
                .get("/classes")
                .then()
                .statusCode(200)
                .body("items.id", contains(id));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("postcode", "LS12 3AB")
                .queryParam("startTo", "2031-06-10")
                .get("/classes")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("startTo"));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("asOf", TODAY)
                .get("/reports/site-sustainability")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(TODAY))
                .body("all.active", equalTo(1));
        given().auth()
                .oauth2(ADMIN)
                .get("/reports/site-sustainability")
                .then()
                .statusCode(200)
                .body("asOf", equalTo(TODAY));
        given().auth()
                .oauth2(ADMIN)
                .queryParam("asOf", "2031-06-12")
                .get("/reports/site-sustainability")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("asOf"));
        // the open feed lists the class still to come
        given().get("/services/" + site).then().statusCode(200).body("schedules.id", contains(id));
    }
}
