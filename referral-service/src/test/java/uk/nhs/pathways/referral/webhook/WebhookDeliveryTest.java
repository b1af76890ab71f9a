package uk.nhs.pathways.referral.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.events.ReferralStatus.DECLINED;
import static uk.nhs.pathways.events.ReferralStatus.NEEDS_ATTENTION;
import static uk.nhs.pathways.events.ReferralStatus.OFFERED;
import static uk.nhs.pathways.events.ReferralStatus.SUBMITTED;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitioned;
import uk.nhs.pathways.referral.webhook.WebhookReceiver.Call;
import uk.nhs.pathways.referral.webhook.WebhookTestSupport.Subscribed;
import uk.nhs.pathways.referral.webhook.domain.WebhookDelivery;
import uk.nhs.pathways.testing.TestTokens;

/**
 * Status changes reach real HTTP receivers on this machine: once each, signed, in order per referral,
 * through failures and retries, and without a dead receiver holding anyone else up.
 */
@QuarkusTest
class WebhookDeliveryTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> BODY_FIELDS = Set.of(
            "deliveryId",
            "type",
            "referralId",
            "practiceOdsCode",
            "status",
            "previousStatus",
            "reasonCode",
            "occurredAt");

    @Inject
    Event<ReferralTransitioned> transitions;

    /** A status change, fired as the lifecycle fires it: synchronously, inside the move's transaction. */
    void move(UUID referral, String practice, ReferralStatus from, ReferralStatus to, String reasonCode) {
        QuarkusTransaction.requiringNew()
                .run(() -> transitions.fire(transition(referral, practice, from, to, reasonCode)));
    }

    static ReferralTransitioned transition(
            UUID referral, String practice, ReferralStatus from, ReferralStatus to, String reasonCode) {
        return new ReferralTransitioned(
                referral,
                practice,
                "prov-webhooks",
                from,
                to,
                reasonCode,
                "provider",
                "prov-webhooks",
                OffsetDateTime.now());
    }

    static JsonPath subscription(String practice, String id) {
        return given().auth()
                .oauth2(TestTokens.token("referrer", practice))
                .get("/webhook-subscriptions/" + id)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    static Map<String, Object> body(Call call) {
        try {
            return JSON.readValue(call.body(), new TypeReference<>() {});
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** What a receiver must check: the signature over timestamp and body, and the delivery id. */
    static void assertAuthentic(Call call, Subscribed subscription) {
        assertThat(call.signature())
                .isEqualTo(WebhookTestSupport.expectedSignature(subscription.secret(), call.timestamp(), call.body()));
        assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(call.timestamp())))
                .isLessThan(300);
        assertThat(call.deliveryId()).isEqualTo(body(call).get("deliveryId"));
        assertThat(call.eventType()).isEqualTo("referral.status-changed");
        assertThat(call.contentType()).startsWith("application/json");
        assertThat(body(call).keySet()).isEqualTo(BODY_FIELDS);
    }

    @Test
    void eachTransitionArrivesOnceSignedWithItsDeliveryIdAndNoPersonalData() throws IOException {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String practice = WebhookTestSupport.newPractice();
            Subscribed subscription = WebhookTestSupport.subscribe(practice, receiver.url());
            UUID referral = UUID.randomUUID();

            move(referral, practice, null, SUBMITTED, null);
            move(referral, practice, SUBMITTED, OFFERED, null);
            move(referral, practice, OFFERED, DECLINED, "NO_CAPACITY");
            move(UUID.randomUUID(), WebhookTestSupport.newPractice(), null, SUBMITTED, null); // not this practice's

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.accepted().size() >= 3
                            && subscription(practice, subscription.id()).getInt("pendingDeliveries") == 0);
            List<Call> calls = receiver.calls();
            assertThat(calls).hasSize(3).allMatch(Call::accepted);
            calls.forEach(call -> assertAuthentic(call, subscription));
            assertThat(calls.stream().map(Call::deliveryId).distinct()).hasSize(3);
            assertThat(calls.stream().map(c -> body(c).get("referralId"))).containsOnly(referral.toString());
            assertThat(calls.stream().map(c -> body(c).get("practiceOdsCode"))).containsOnly(practice);
            assertThat(calls.stream().map(c -> body(c).get("status")))
                    .containsExactly("SUBMITTED", "OFFERED", "DECLINED");
            assertThat(calls.stream().map(c -> body(c).get("previousStatus")))
                    .containsExactly(null, "SUBMITTED", "OFFERED");
            assertThat(calls.stream().map(c -> body(c).get("reasonCode"))).containsExactly(null, null, "NO_CAPACITY");
            assertThat(calls.getFirst().host()).isEqualTo("127.0.0.1:" + receiver.port());
            assertThat(Instant.parse((String) body(calls.getFirst()).get("occurredAt")))
                    .isBetween(Instant.now().minusSeconds(60), Instant.now());

            JsonPath health = subscription(practice, subscription.id());
            assertThat(health.getString("status")).isEqualTo("ACTIVE");
            assertThat(health.getString("lastSuccessAt")).isNotNull();
        }
    }

    @Test
    void aMoveThatRollsBackQueuesNothing() {
        String practice = WebhookTestSupport.newPractice();
        WebhookTestSupport.subscribe(practice, WebhookTestSupport.sinkUrl());
        UUID undone = UUID.randomUUID();
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
                    transitions.fire(transition(undone, practice, null, SUBMITTED, null));
                    throw new IllegalStateException("the move failed after its event");
                }))
                .hasMessageContaining("the move failed");
        UUID done = UUID.randomUUID();
        move(done, practice, null, SUBMITTED, null);

        assertThat(deliveriesOf(undone)).isZero();
        assertThat(deliveriesOf(done)).isOne();
    }

    static long deliveriesOf(UUID referral) {
        return QuarkusTransaction.requiringNew().call(() -> WebhookDelivery.count("referralId", referral));
    }

    @Test
    void aReceiverThatFailsFirstGetsEveryDeliveryInOrderPerReferral() throws IOException {
        try (WebhookReceiver receiver = WebhookReceiver.answering(call -> call <= 3 ? 503 : 200)) {
            String practice = WebhookTestSupport.newPractice();
            Subscribed subscription = WebhookTestSupport.subscribe(practice, receiver.url());
            UUID first = UUID.randomUUID();
            UUID second = UUID.randomUUID();

            move(first, practice, null, SUBMITTED, null);
            move(first, practice, SUBMITTED, OFFERED, null);
            move(second, practice, null, NEEDS_ATTENTION, "NO_CLASS_IN_RANGE");

            await().atMost(Duration.ofSeconds(30))
                    .until(() -> subscription(practice, subscription.id()).getInt("pendingDeliveries") == 0);

            List<Call> calls = receiver.calls();
            assertThat(calls.stream().filter(c -> !c.accepted())).hasSize(3);
            // At least once: deduplicated by delivery id, each queued delivery arrived, and nothing else did.
            Map<String, Call> byDelivery = new HashMap<>();
            receiver.accepted().forEach(c -> byDelivery.putIfAbsent(c.deliveryId(), c));
            Set<String> queued = QuarkusTransaction.requiringNew()
                    .call(() ->
                            WebhookDelivery.<WebhookDelivery>list("subscriptionId", UUID.fromString(subscription.id()))
                                    .stream()
                                    .peek(d -> assertThat(d.state).isEqualTo(WebhookDelivery.State.DELIVERED))
                                    .map(d -> d.id.toString())
                                    .collect(Collectors.toSet()));
            assertThat(queued).hasSize(3);
            assertThat(byDelivery.keySet()).isEqualTo(queued);
            calls.forEach(call -> assertAuthentic(call, subscription));
            // A retried delivery carries the same id and body, under a fresh timestamp and signature.
            calls.stream()
                    .filter(c -> !c.accepted())
                    .forEach(failed -> assertThat(
                                    byDelivery.get(failed.deliveryId()).body())
                            .isEqualTo(failed.body()));

            // The first referral's OFFERED was not sent before its SUBMITTED got through.
            int submittedAccepted = indexOf(calls, first, "SUBMITTED", true);
            int offeredFirstTried = indexOf(calls, first, "OFFERED", false);
            assertThat(offeredFirstTried).isGreaterThan(submittedAccepted);

            JsonPath health = subscription(practice, subscription.id());
            assertThat(health.getString("status")).isEqualTo("ACTIVE");
            assertThat(health.getString("failingSince")).isNull();
            assertThat(health.getString("lastFailure")).isEqualTo("HTTP 503");
        }
    }

    static int indexOf(List<Call> calls, UUID referral, String status, boolean acceptedOnly) {
        for (int i = 0; i < calls.size(); i++) {
            Map<String, Object> body = body(calls.get(i));
            if (referral.toString().equals(body.get("referralId"))
                    && status.equals(body.get("status"))
                    && (!acceptedOnly || calls.get(i).accepted())) {
                return i;
            }
        }
        throw new AssertionError("no call for " + referral + " " + status);
    }

    @Test
    void aDeadReceiverIsMarkedFailingWhileTheOtherSubscriptionStillReceives() throws IOException {
        int deadPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            deadPort = gone.getLocalPort();
        }
        try (WebhookReceiver healthy = WebhookReceiver.healthy()) {
            String practice = WebhookTestSupport.newPractice();
            Subscribed dead = WebhookTestSupport.subscribe(practice, "http://127.0.0.1:" + deadPort + "/gone");
            Subscribed alive = WebhookTestSupport.subscribe(practice, healthy.url());

            for (int i = 0; i < 3; i++) {
                move(UUID.randomUUID(), practice, null, SUBMITTED, null);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> healthy.accepted().size() == 3);

            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            "FAILING".equals(subscription(practice, dead.id()).getString("status")));
            JsonPath failing = subscription(practice, dead.id());
            assertThat(failing.getString("lastFailure")).startsWith("could not send");
            assertThat(failing.getString("failingSince")).isNotNull();
            assertThat(failing.getString("lastSuccessAt")).isNull();
            assertThat(failing.getInt("pendingDeliveries")).isPositive();

            // The referral flow goes on, and the healthy subscription keeps hearing about it.
            move(UUID.randomUUID(), practice, null, NEEDS_ATTENTION, null);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> healthy.accepted().size() == 4);
            JsonPath fine = subscription(practice, alive.id());
            assertThat(fine.getString("status")).isEqualTo("ACTIVE");
            assertThat(fine.getString("lastFailure")).isNull();
        }
    }

    @Test
    void eachDeliveryGoesToTheAddressCheckedJustBeforeItKeepingTheNameInTheHostHeader() throws IOException {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String practice = WebhookTestSupport.newPractice();
            String host = "fcp-" + UUID.randomUUID().toString().substring(0, 8) + ".rebind.test";

            // A name that resolves somewhere private is refused at registration, like a literal.
            ScriptedHostResolver.answer(host, "10.1.2.3");
            given().auth()
                    .oauth2(TestTokens.token("referrer", practice))
                    .contentType(ContentType.JSON)
                    .body(Map.of("callbackUrl", "https://" + host + "/pathways"))
                    .post("/webhook-subscriptions")
                    .then()
                    .statusCode(400)
                    .body("errors.field", org.hamcrest.Matchers.hasItem("callbackUrl"))
                    .body("detail", org.hamcrest.Matchers.endsWith("resolves to a private address"));

            // Registered while it resolves to this machine (the local-demo exception)...
            ScriptedHostResolver.answer(host, "127.0.0.1");
            Subscribed subscription =
                    WebhookTestSupport.subscribe(practice, "http://" + host + ":" + receiver.port() + "/pathways");
            // ... then rebound somewhere private: the delivery is refused, nothing is sent.
            ScriptedHostResolver.answer(host, "10.1.2.3");
            move(UUID.randomUUID(), practice, null, SUBMITTED, null);
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                String lastFailure = subscription(practice, subscription.id()).getString("lastFailure");
                return lastFailure != null && lastFailure.startsWith("refused: callbackUrl");
            });
            assertThat(receiver.calls()).isEmpty();

            // Back on this machine: the retry goes through. Real DNS cannot resolve the name, so it reached
            // the receiver only because the request went to the address checked, with the name as Host.
            ScriptedHostResolver.answer(host, "127.0.0.1");
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> receiver.accepted().size() == 1);
            Call call = receiver.accepted().getFirst();
            assertThat(call.host()).isEqualTo(host + ":" + receiver.port());
            assertAuthentic(call, subscription);
        }
    }

    @Test
    void aReferralMadeThroughTheApiIsAnnouncedToItsPracticeWithoutThePersonsDetails() throws IOException {
        try (WebhookReceiver receiver = WebhookReceiver.healthy()) {
            String practice = WebhookTestSupport.newPractice();
            Subscribed subscription = WebhookTestSupport.subscribe(practice, receiver.url());

            String id = given().auth()
                    .oauth2(TestTokens.token("referrer", practice))
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "patient",
                            Map.of(
                                    "nhsNumber", "9434765919",
                                    "name", "Webhook Person",
                                    "dateOfBirth", "1951-02-03",
                                    "postcode", "LS6 2AB"),
                            "reason",
                            Map.of("system", "http://snomed.info/sct", "code", "239872002")))
                    .post("/referrals")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");

            await().atMost(Duration.ofSeconds(20))
                    .until(() -> receiver.accepted().size() == 1);
            Call call = receiver.accepted().getFirst();
            assertAuthentic(call, subscription);
            Map<String, Object> body = body(call);
            assertThat(body.get("referralId")).isEqualTo(id);
            assertThat(body.get("practiceOdsCode")).isEqualTo(practice);
            assertThat(body.get("status")).isIn("SUBMITTED", "NEEDS_ATTENTION");
            assertThat(body.get("previousStatus")).isNull();
            assertThat(call.body())
                    .doesNotContain("9434765919", "943 476 5919", "Webhook Person", "1951-02-03", "LS6", "HIP");
        }
    }
}
