package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.testing.TestTokens;

/**
 * The register of a class, as its provider calls it at a session: everyone booked in the class with what is
 * recorded for them, and nothing of a class that is not the caller's.
 */
@QuarkusTest
class ClassRegisterTest {

    static final String PRACTICE = "B86031";
    static final String PROVIDER = "prov-class-register";
    static final String SITE = "site-class-register";
    static final String PROVIDER_TOKEN = TestTokens.token("provider", PROVIDER);
    static final String OTHER_PROVIDER = TestTokens.token("provider", "prov-class-register-other");

    static ValidatableResponse classRegister(String token, String classId) {
        return given().auth()
                .oauth2(token)
                .get("/classes/" + classId + "/register")
                .then();
    }

    @Test
    void listsEveryoneBookedInTheClassWithWhatIsRecordedAtEachSession() {
        String classId = Fixtures.classBegun(PROVIDER, SITE, 12, 8);
        String anotherClass = Fixtures.classBegun(PROVIDER, SITE, 12, 8);
        UUID first = Fixtures.booked(PRACTICE, PROVIDER, SITE, classId, Joint.KNEE);
        UUID second = Fixtures.booked(PRACTICE, PROVIDER, SITE, classId, Joint.HIP);
        Fixtures.booked(PRACTICE, PROVIDER, SITE, anotherClass, Joint.KNEE);
        AttendanceRegisterTest.session(PROVIDER_TOKEN, first, 1, "ATTENDED").statusCode(200);
        AttendanceRegisterTest.session(PROVIDER_TOKEN, second, 1, "ABSENT_WITH_NOTICE")
                .statusCode(200);
        AttendanceRegisterTest.cancel(PROVIDER_TOKEN, classId, 2).statusCode(200);

        ValidatableResponse register = classRegister(PROVIDER_TOKEN, classId)
                .statusCode(200)
                .body("classId", equalTo(classId))
                .body("sessions", hasSize(12))
                .body("sessions[1].cancelled", equalTo(true))
                .body("sessions[0].cancelled", equalTo(false))
                .body("people", hasSize(2));
        register.body("people.find { it.referralId == '" + first + "' }.status", equalTo("IN_PROGRESS"))
                .body("people.find { it.referralId == '" + first + "' }.name", equalTo("Booked Person"))
                .body("people.find { it.referralId == '" + first + "' }.sessions[0].attendance", equalTo("ATTENDED"))
                .body(
                        "people.find { it.referralId == '" + first + "' }.sessions[1].attendance",
                        equalTo("SESSION_CANCELLED"))
                .body("people.find { it.referralId == '" + first + "' }.sessions[2].attendance", nullValue())
                .body(
                        "people.find { it.referralId == '" + second + "' }.sessions[0].attendance",
                        equalTo("ABSENT_WITH_NOTICE"))
                .body("people.find { it.referralId == '" + first + "' }.nhsNumber", nullValue());
    }

    @Test
    void aCourseThatEndedStaysOnItsClassRegister() {
        String classId = Fixtures.classBegun(PROVIDER, SITE, 12, 8);
        UUID stopped = Fixtures.booked(PRACTICE, PROVIDER, SITE, classId, Joint.KNEE);
        AttendanceRegisterTest.session(PROVIDER_TOKEN, stopped, 1, "ATTENDED").statusCode(200);
        given().auth()
                .oauth2(PROVIDER_TOKEN)
                .contentType("application/json")
                .body(Map.of("reasonCode", "MOVED_AWAY"))
                .post("/referrals/" + stopped + "/course/drop-out")
                .then()
                .statusCode(200);

        classRegister(PROVIDER_TOKEN, classId)
                .statusCode(200)
                .body("people.referralId", contains(stopped.toString()))
                .body("people[0].status", equalTo("DROPPED_OUT"))
                .body("people[0].outcome", equalTo("DROPPED_OUT"))
                .body("people[0].sessions[0].attendance", equalTo("ATTENDED"));
    }

    @Test
    void anotherProvidersClassIsNotFoundAndAnEmptyClassListsNobody() {
        String classId = Fixtures.classBegun(PROVIDER, SITE, 12, 8);
        Fixtures.booked(PRACTICE, PROVIDER, SITE, classId, Joint.KNEE);

        classRegister(OTHER_PROVIDER, classId)
                .statusCode(404)
                .contentType("application/problem+json")
                .body("people", nullValue());
        classRegister(PROVIDER_TOKEN, "class-" + UUID.randomUUID())
                .statusCode(404)
                .contentType("application/problem+json");
        classRegister(PROVIDER_TOKEN, Fixtures.classBegun(PROVIDER, SITE, 12, 8))
                .statusCode(200)
                .body("people", empty());
    }
}
