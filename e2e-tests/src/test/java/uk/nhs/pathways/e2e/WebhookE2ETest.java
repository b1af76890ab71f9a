package uk.nhs.pathways.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.e2e.E2E.LEEDS_PRACTICE;
import static uk.nhs.pathways.e2e.E2E.awaitStatus;
import static uk.nhs.pathways.e2e.E2E.field;
import static uk.nhs.pathways.e2e.E2E.provider;
import static uk.nhs.pathways.e2e.E2E.refer;
import static uk.nhs.pathways.e2e.E2E.referrer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.restassured.http.ContentType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The FCP's clinical system subscribes to its practice's status changes and hears each one once (after
 * de-duplicating by delivery id, as the README tells receivers to), signed with its secret, without the
 * person's details: the loop closes without polling.
 */
@Order(3)
class WebhookE2ETest {

    record Delivery(String id, String timestamp, String signature, String body) {}

    @BeforeAll
    static void thePlatformRuns() {
        E2E.platform();
    }

    @Test
    void aPracticesSystemReceivesEachChangeOnceCorrectlySigned() throws Exception {
        List<Delivery> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/pathways", exchange -> {
            received.add(new Delivery(
                    exchange.getRequestHeaders().getFirst("Pathways-Delivery-Id"),
                    exchange.getRequestHeaders().getFirst("Pathways-Timestamp"),
                    exchange.getRequestHeaders().getFirst("Pathways-Signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        try {
            String secret = referrer(LEEDS_PRACTICE)
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "callbackUrl",
                            "http://127.0.0.1:" + receiver.getAddress().getPort() + "/pathways"))
                    .post("/webhook-subscriptions")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("secret");

            String id = refer(LEEDS_PRACTICE, "LS6 2AB");
            awaitStatus(LEEDS_PRACTICE, id, "OFFERED", Duration.ofSeconds(60));
            provider(field(LEEDS_PRACTICE, id, "offer.providerId"))
                    .contentType(ContentType.JSON)
                    .body(Map.of("accept", true))
                    .post("/referrals/" + id + "/response")
                    .then()
                    .statusCode(200);

            ObjectMapper json = new ObjectMapper();
            Map<String, Map<String, Object>> byDelivery = new ConcurrentHashMap<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                for (Delivery d : received) {
                    Map<String, Object> body = json.readValue(d.body(), Map.class);
                    if (id.equals(body.get("referralId"))) {
                        assertThat(d.signature()).isEqualTo("v1=" + hmac(secret, d.timestamp() + "." + d.body()));
                        assertThat(Long.parseLong(d.timestamp()))
                                .isBetween(
                                        Instant.now().getEpochSecond() - 300,
                                        Instant.now().getEpochSecond() + 300);
                        assertThat(body.get("deliveryId")).isEqualTo(d.id());
                        byDelivery.put(d.id(), body);
                    }
                }
                assertThat(byDelivery.values())
                        .extracting(b -> b.get("status"))
                        .containsExactlyInAnyOrder("SUBMITTED", "OFFERED", "ACCEPTED");
            });
            for (Delivery d : received) {
                assertThat(d.body()).doesNotContain("E2E Person").doesNotContain("1950-05-05");
            }
        } finally {
            receiver.stop(0);
        }
    }

    static String hmac(String secret, String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }
}
