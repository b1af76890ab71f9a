package uk.nhs.pathways.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.nhs.pathways.testing.TestTokens;

/** Subscribing, reading and unsubscribing through the API: scope, the secret shown once, refused URLs. */
@QuarkusTest
class WebhookSubscriptionApiTest {

    @Test
    void aReferrerSubscribesItsPracticeAndSeesTheSecretOnlyOnce() {
        String practice = WebhookTestSupport.newPractice();
        String referrer = TestTokens.token("referrer", practice);

        var created = given().auth()
                .oauth2(referrer)
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", WebhookTestSupport.sinkUrl()))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(201)
                .body("practiceOdsCode", equalTo(practice))
                .body("callbackUrl", equalTo(WebhookTestSupport.sinkUrl()))
                .body("status", equalTo("ACTIVE"))
                .body("pendingDeliveries", equalTo(0))
                .body("secret", startsWith("whsec_"))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/webhook-subscriptions/" + id);

        given().auth()
                .oauth2(referrer)
                .get("/webhook-subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("id", equalTo(id))
                .body("status", equalTo("ACTIVE"))
                .body("secret", nullValue());
        given().auth()
                .oauth2(referrer)
                .get("/webhook-subscriptions")
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of(id)))
                .body("secret", equalTo(java.util.Collections.singletonList(null)));
    }

    @Test
    void anotherPracticeGets404AndAnAdminSeesEveryPractice() {
        String practice = WebhookTestSupport.newPractice();
        String id = WebhookTestSupport.subscribe(practice, WebhookTestSupport.sinkUrl())
                .id();
        String otherReferrer = TestTokens.token("referrer", WebhookTestSupport.newPractice());

        given().auth()
                .oauth2(otherReferrer)
                .get("/webhook-subscriptions/" + id)
                .then()
                .statusCode(404)
                .contentType("application/problem+json");
        given().auth()
                .oauth2(otherReferrer)
                .delete("/webhook-subscriptions/" + id)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(otherReferrer)
                .get("/webhook-subscriptions")
                .then()
                .statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth()
                .oauth2(TestTokens.token("referrer", practice))
                .get("/webhook-subscriptions/not-a-uuid")
                .then()
                .statusCode(404);

        String admin = TestTokens.token("admin", null);
        given().auth()
                .oauth2(admin)
                .get("/webhook-subscriptions")
                .then()
                .statusCode(200)
                .body("id", hasItem(id));
        given().auth()
                .oauth2(admin)
                .get("/webhook-subscriptions/" + id)
                .then()
                .statusCode(200)
                .body("practiceOdsCode", equalTo(practice));

        // Still there after the other practice's attempt; its own referrer removes it.
        given().auth()
                .oauth2(TestTokens.token("referrer", practice))
                .delete("/webhook-subscriptions/" + id)
                .then()
                .statusCode(204);
        given().auth().oauth2(admin).get("/webhook-subscriptions/" + id).then().statusCode(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "http://hooks.example.org/pathways | must be an https URL",
                "http://8.8.8.8/pathways | must be an https URL",
                "https://10.20.30.40/pathways | has a host that resolves to a private address",
                "https://192.168.0.10/pathways | has a host that resolves to a private address",
                "https://169.254.169.254/latest/meta-data | has a host that resolves to a link-local address",
                "https://100.64.1.1/pathways | has a host that resolves to a carrier-grade NAT (CGNAT) address",
                "https://0.0.0.0/pathways | has a host that resolves to an unspecified address",
                "https://224.0.0.1/pathways | has a host that resolves to a multicast address",
                "https://[fd00:ec2::254]/pathways | has a host that resolves to a unique-local address",
                "https://[fe80::1]/pathways | has a host that resolves to a link-local address",
                "https://[::ffff:127.0.0.1]/pathways | must not be an IPv4-mapped IPv6 address",
                "https://[::]/pathways | has a host that resolves to an unspecified address",
                "https://2130706433/pathways | must write an IPv4 address as four decimal numbers (a.b.c.d)",
                "https://fcp:secret@hooks.example.org/ | must not carry credentials (user@host)",
                "https://no-such-host.invalid/pathways | has a host that does not resolve",
                "not a url | is not a valid URL"
            })
    void aCallbackUrlThatIsNotHttpsToAPublicAddressIsRefusedNamingTheFieldAndNothingIsWritten(
            String callbackUrl, String why) {
        String practice = WebhookTestSupport.newPractice();
        String referrer = TestTokens.token("referrer", practice);
        given().auth()
                .oauth2(referrer)
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", callbackUrl))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("callbackUrl")))
                .body("errors.message[0]", startsWith(why));
        given().auth()
                .oauth2(referrer)
                .get("/webhook-subscriptions")
                .then()
                .statusCode(200)
                .body("size()", equalTo(0));
    }

    @Test
    void aMissingCallbackUrlIsRefusedNamingTheField() {
        given().auth()
                .oauth2(TestTokens.token("referrer", WebhookTestSupport.newPractice()))
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/webhook-subscriptions")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("callbackUrl"));
    }

    @Test
    void aPracticeHasAtMostTenSubscriptions() {
        String practice = WebhookTestSupport.newPractice();
        for (int i = 0; i < 10; i++) {
            WebhookTestSupport.subscribe(practice, WebhookTestSupport.sinkUrl());
        }
        given().auth()
                .oauth2(TestTokens.token("referrer", practice))
                .contentType(ContentType.JSON)
                .body(Map.of("callbackUrl", WebhookTestSupport.sinkUrl()))
                .post("/webhook-subscriptions")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }
}
