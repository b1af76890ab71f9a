package uk.nhs.pathways.contract;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import io.cloudevents.CloudEvent;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.events.CourseEnded;
import uk.nhs.pathways.events.CourseOutcome;
import uk.nhs.pathways.events.CourseStarted;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.ReferralStatusChanged;
import uk.nhs.pathways.events.ReferralSubmitted;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TestTokens;
import uk.nhs.pathways.testing.TopicReader;

/** What the tests of this module do again and again: contracts through the API, referral events as the referral service sends them. */
final class Fixtures {

    private Fixtures() {}

    /** A contract body: the simple one (12 contacts, open-ended since 2020), with these fields replaced. */
    static Map<String, Object> contract(String id, String icb, Object... fields) {
        Map<String, Object> body = new HashMap<>(Map.of(
                "id",
                id,
                "commissionerIcb",
                icb,
                "model",
                "ACTIVITY",
                "maxContactsPerEpisode",
                12,
                "validFrom",
                "2020-01-01"));
        for (int i = 0; i < fields.length; i += 2) {
            if (fields[i + 1] == null) {
                body.remove((String) fields[i]);
            } else {
                body.put((String) fields[i], fields[i + 1]);
            }
        }
        return body;
    }

    /** A version (amendment) body with these fields. */
    static Map<String, Object> version(Object... fields) {
        Map<String, Object> body = new HashMap<>(Map.of("model", "ACTIVITY", "maxContactsPerEpisode", 12));
        for (int i = 0; i < fields.length; i += 2) {
            body.put((String) fields[i], fields[i + 1]);
        }
        return body;
    }

    static String commissioner(String icb) {
        return TestTokens.token("commissioner", icb);
    }

    static ValidatableResponse post(String token, String path, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post(path)
                .then();
    }

    static ValidatableResponse get(String token, String path) {
        return given().auth().oauth2(token).get(path).then();
    }

    static void register(String icb, Map<String, Object> contract) {
        post(commissioner(icb), "/contracts", contract).statusCode(201);
    }

    /** A referral submitted as the referral service would, at a site of a provider; returns its id. */
    static String refer(String practice, String provider, String site, int sessions, Instant at) {
        String id = UUID.randomUUID().toString();
        TestEvents.publish(EventType.REFERRAL_SUBMITTED, id, submitted(id, practice, provider, site, sessions, at));
        return id;
    }

    static ReferralSubmitted submitted(
            String id, String practice, String provider, String site, int sessions, Instant at) {
        return new ReferralSubmitted(
                id,
                "p-" + id.substring(0, 8),
                practice,
                Joint.KNEE,
                site,
                provider,
                sessions,
                1000,
                at,
                "class-" + site,
                1,
                "65-74");
    }

    static CloudEvent status(EventType type, String referralId, ReferralStatus status) {
        return TestEvents.publish(
                type,
                referralId,
                new ReferralStatusChanged(
                        referralId, status, "site", "prov", "practice", "as coded", Instant.now(), null));
    }

    static CloudEvent started(String referralId, LocalDate on) {
        return TestEvents.publish(
                EventType.COURSE_STARTED,
                referralId,
                new CourseStarted(
                        referralId, "course-" + referralId, "class", "site", "prov", 12, false, on, Instant.now()));
    }

    static CloudEvent ended(String referralId, CourseOutcome outcome, LocalDate on) {
        return ended(referralId, outcome, on, outcome == CourseOutcome.DID_NOT_ATTEND ? 0 : 11);
    }

    static CloudEvent ended(String referralId, CourseOutcome outcome, LocalDate on, int attended) {
        return TestEvents.publish(
                EventType.COURSE_ENDED,
                referralId,
                new CourseEnded(
                        referralId, "course-" + referralId, outcome, null, 12, 12, attended, false, on, Instant.now()));
    }

    /** Every decision published for the referral (each revision), in order, once one matches. */
    static List<FundingDecided> decisions(String referralId, Predicate<FundingDecided> awaited) {
        try (TopicReader reader = new TopicReader(Topics.FUNDING_DECISIONS)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> published(reader, referralId).stream().anyMatch(awaited));
            return published(reader, referralId);
        }
    }

    static FundingDecided decision(String referralId) {
        return decisions(referralId, d -> true).getFirst();
    }

    private static List<FundingDecided> published(TopicReader reader, String referralId) {
        return reader.events().stream()
                .filter(e -> referralId.equals(e.getSubject()))
                .map(e -> EventCodec.payload(e, EventType.FUNDING_DECIDED, FundingDecided.class))
                .toList();
    }

    /** The stored decision of the referral's route 1. */
    static FundingDecision stored(String referralId) {
        return QuarkusTransaction.requiringNew()
                .call(() -> FundingDecision.of(referralId, 1).orElse(null));
    }

    static long count(String sql, Object... parameters) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var query = Panache.getEntityManager().createNativeQuery(sql);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            return ((Number) query.getSingleResult()).longValue();
        });
    }
}
