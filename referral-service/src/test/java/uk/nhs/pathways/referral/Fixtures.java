package uk.nhs.pathways.referral;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.cloudevents.CloudEvent;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.http.ContentType;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.ClassUpdated;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.FacilitatorType;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.FundingDecided;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.events.Topics;
import uk.nhs.pathways.platform.geo.Location;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.referral.coverage.domain.FundingCoverageCopy;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.testing.TestEvents;
import uk.nhs.pathways.testing.TopicReader;

/**
 * What the integration tests share: people with valid NHS numbers, referral requests, and the other
 * services' parts played by publishing their events (directory sites and classes, coverage, funding
 * decisions) and waiting until this service's copies hold them.
 */
public final class Fixtures {

    public static final String KNEE_OA = "239873007";
    public static final String HIP_OA = "239872002";

    static final double METRES_PER_DEGREE = Math.toRadians(1) * Location.EARTH_RADIUS_METRES;

    private Fixtures() {}

    /** A valid NHS number no other test uses (modulus-11 check digit). */
    public static String nhsNumber() {
        while (true) {
            int[] digits = new int[9];
            int sum = 0;
            digits[0] = 9; // test numbers start with 9
            for (int i = 1; i < 9; i++) {
                digits[i] = ThreadLocalRandom.current().nextInt(10);
            }
            for (int i = 0; i < 9; i++) {
                sum += digits[i] * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check == 10) {
                continue;
            }
            StringBuilder number = new StringBuilder();
            for (int d : digits) {
                number.append(d);
            }
            return number.append(check).toString();
        }
    }

    public static Map<String, Object> referral(String nhsNumber, String postcode, String snomed) {
        return referral(nhsNumber, postcode, snomed, null);
    }

    public static Map<String, Object> referral(
            String nhsNumber, String postcode, String snomed, Map<String, Object> preferences) {
        Map<String, Object> body = new HashMap<>();
        body.put(
                "patient",
                Map.of(
                        "nhsNumber",
                        nhsNumber,
                        "name",
                        "Test Person",
                        "dateOfBirth",
                        "1956-03-14",
                        "postcode",
                        postcode));
        body.put("reason", Map.of("system", "http://snomed.info/sct", "code", snomed));
        if (preferences != null) {
            body.put("preferences", preferences);
        }
        return body;
    }

    /** POSTs a referral as the FCP; its id. */
    public static String submit(String token, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/referrals")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    public static void awaitStatus(String token, String id, String status) {
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> given().auth()
                        .oauth2(token)
                        .get("/referrals/" + id)
                        .then()
                        .statusCode(200)
                        .body("status", equalTo(status)));
    }

    /** A point this far north and east of {@code home}. */
    public static Location offset(Location home, double north, double east) {
        double latitude = home.latitude() + north / METRES_PER_DEGREE;
        return new Location(
                latitude, home.longitude() + east / (METRES_PER_DEGREE * Math.cos(Math.toRadians(latitude))));
    }

    /** Publishes an ACTIVE knee-and-hip site of {@code provider} at {@code at}, and waits for the copy. */
    public static void site(
            String siteId, String provider, Location at, Setting setting, AccessibilityFeature... accessibility) {
        TestEvents.publish(
                EventType.SITE_UPDATED,
                siteId,
                new SiteUpdated(
                        siteId,
                        "Site " + siteId,
                        provider,
                        "Provider " + provider,
                        ProviderType.LEISURE_OPERATOR,
                        setting,
                        "EX1 1AA",
                        at.latitude(),
                        at.longitude(),
                        List.of(Joint.KNEE, Joint.HIP),
                        12,
                        SiteStatus.ACTIVE,
                        List.of(accessibility)));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> DirectorySite.findById(siteId)) != null);
    }

    /** Publishes a SCHEDULED knee-and-hip class, Tuesdays and Thursdays, and waits until the copy is this. */
    public static void cohort(
            String classId,
            String siteId,
            String provider,
            LocalDate start,
            LocalTime at,
            int sessions,
            int capacity,
            int placesTaken) {
        cohort(classId, siteId, provider, start, at, sessions, capacity, placesTaken, ClassStatus.SCHEDULED);
    }

    public static void cohort(
            String classId,
            String siteId,
            String provider,
            LocalDate start,
            LocalTime at,
            int sessions,
            int capacity,
            int placesTaken,
            ClassStatus status) {
        TestEvents.publish(
                EventType.CLASS_UPDATED,
                classId,
                new ClassUpdated(
                        classId,
                        siteId,
                        provider,
                        List.of(Joint.KNEE, Joint.HIP),
                        start,
                        List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
                        at,
                        sessions,
                        capacity,
                        placesTaken,
                        FacilitatorType.PHYSIOTHERAPIST,
                        status,
                        60));
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            DirectoryClass copy = QuarkusTransaction.requiringNew().call(() -> DirectoryClass.findById(classId));
            return copy != null && copy.placesTaken == placesTaken && copy.status == status;
        });
    }

    /** Publishes the commissioner's cover of a provider (null: any) for knee and hip, and waits for the copy. */
    public static void coverage(String icb, String provider, int maxContacts) {
        FundingCoverage coverage = new FundingCoverage(
                icb,
                provider,
                List.of(new FundingCoverage.Period(
                        LocalDate.of(2020, 1, 1), null, List.of(Joint.KNEE, Joint.HIP), maxContacts)));
        String key = FundingCoverage.key(icb, provider);
        TestEvents.publish(EventType.FUNDING_COVERAGE_UPDATED, key, coverage);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> FundingCoverageCopy.findById(key)) != null);
    }

    /** The contract service's decision for a route of a referral. */
    public static CloudEvent fund(String id, int route, boolean funded) {
        return TestEvents.publish(
                EventType.FUNDING_DECIDED,
                id,
                funded
                        ? new FundingDecided(id, true, "contract-1", 12, "QWO", List.of(), Instant.now(), route, 1)
                        : new FundingDecided(
                                id,
                                false,
                                null,
                                null,
                                "QWO",
                                List.of("no contract covers provider x"),
                                Instant.now(),
                                route,
                                1));
    }

    /** Every event about a referral on the referrals topic so far, in order, once {@code until} of them arrived. */
    public static List<CloudEvent> events(String referralId, int atLeast) {
        try (TopicReader reader = new TopicReader(Topics.REFERRALS)) {
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> reader.events().stream()
                                    .filter(e -> referralId.equals(e.getSubject()))
                                    .count()
                            >= atLeast);
            return reader.events().stream()
                    .filter(e -> referralId.equals(e.getSubject()))
                    .toList();
        }
    }

    /**
     * A knee-and-hip class of {@code provider} in this service's copy, meeting Tuesdays and Thursdays from the
     * Tuesday {@code weeksAgo} weeks back (so its sessions can be recorded), written straight into the copy.
     */
    public static String classBegun(String provider, String siteId, int sessions, int weeksAgo) {
        String classId = "class-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            DirectoryClass c = new DirectoryClass();
            c.classId = classId;
            c.siteId = siteId;
            c.providerId = provider;
            c.programmes = "KNEE,HIP";
            c.startDate = LocalDate.now(England.ZONE)
                    .minusWeeks(weeksAgo)
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.TUESDAY));
            c.days = "TUESDAY,THURSDAY";
            c.startTime = LocalTime.of(10, 0);
            c.sessions = sessions;
            c.capacity = 12;
            c.placesTaken = 2;
            c.facilitatorType = FacilitatorType.PHYSIOTHERAPIST;
            c.status = ClassStatus.RUNNING;
            c.updatedAt = OffsetDateTime.now();
            c.persist();
        });
        return classId;
    }

    /**
     * A referral of {@code practice}, offered to {@code provider}, accepted and booked into {@code classId}
     * (its first booking), written straight into the database as the booking journey leaves it.
     */
    public static UUID booked(String practice, String provider, String siteId, String classId, Joint joint) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Referral r = new Referral();
            r.id = UUID.randomUUID();
            r.practiceOdsCode = practice;
            r.referrer = "fixture";
            r.nhsNumber = nhsNumber();
            r.patientName = "Booked Person";
            r.dateOfBirth = LocalDate.of(1952, 6, 1);
            r.postcode = "OX1 1AA";
            r.patientPseudonym = "p-" + r.id;
            r.reasonSystem = "http://snomed.info/sct";
            r.reasonCode = joint == Joint.HIP ? HIP_OA : KNEE_OA;
            r.joint = joint;
            r.status = ReferralStatus.BOOKED;
            r.routedClassId = classId;
            r.requestedClassId = classId;
            r.classId = classId;
            r.bookingRequestNumber = 1;
            r.siteId = siteId;
            r.siteName = "Site " + siteId;
            r.providerId = provider;
            r.providerName = "Provider " + provider;
            r.sessions = 12;
            r.distanceMetres = 1000L;
            r.contactsFunded = 12;
            r.fundingContractId = "contract-1";
            r.commissionerIcb = "QWO";
            r.offeredAt = OffsetDateTime.now();
            r.bookedAt = r.offeredAt;
            r.submittedAt = r.offeredAt;
            r.updatedAt = r.offeredAt;
            r.persist();
            return r.id;
        });
    }
}
