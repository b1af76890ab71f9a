package uk.nhs.pathways.referral;

import static uk.nhs.pathways.testing.SecurityMatrix.Who.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;
import uk.nhs.pathways.referral.directory.domain.DirectorySite;
import uk.nhs.pathways.referral.lifecycle.domain.Referral;
import uk.nhs.pathways.testing.SecurityMatrix;

/** Every referral-service endpoint x every caller (also: a new endpoint without an entry fails this test). */
@QuarkusTest
class SecurityMatrixTest {

    static final String PRACTICE = "B86030";
    static final String PROVIDER_ID = "prov-matrix";
    static final String CLASS = "class-matrix";
    static final String SITE = "site-matrix";

    /** Oxford: the matrix's site and class are here, where no other test routes. */
    static final String POSTCODE = "OX1 1AA";

    @Test
    void everyEndpointAnswersEveryCallerAsDocumented() {
        aClassOfTheProvider();
        new SecurityMatrix(PRACTICE, PROVIDER_ID, "QWO")
                .endpoint("POST", "/referrals")
                .body(who -> Fixtures.referral(Fixtures.nhsNumber(), POSTCODE, Fixtures.KNEE_OA))
                .expect(201, REFERRER, OTHER_REFERRER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/referrals")
                .expect(200, REFERRER, OTHER_REFERRER, PROVIDER, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/referrals/{id}")
                .at(who -> "/referrals/" + referral(ReferralStatus.OFFERED))
                .expect(200, REFERRER, PROVIDER)
                .expect(404, OTHER_REFERRER, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/referrals/{id}/timeline")
                .at(who -> "/referrals/" + referral(ReferralStatus.OFFERED) + "/timeline")
                .expect(200, REFERRER, PROVIDER)
                .expect(404, OTHER_REFERRER, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/referrals/{id}/response")
                .at(who -> "/referrals/" + referral(ReferralStatus.OFFERED) + "/response")
                .body(who -> Map.of("accept", true))
                .expect(200, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/referrals/{id}/booking")
                .at(who -> "/referrals/" + referral(ReferralStatus.ACCEPTED) + "/booking")
                .body(who -> Map.of("classId", CLASS))
                .expect(202, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/referrals/{id}/booking/cancellation")
                .at(who -> "/referrals/" + referral(ReferralStatus.BOOKED) + "/booking/cancellation")
                .body(who -> Map.of("reasonCode", "PERSON_REQUESTED"))
                .expect(200, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/referrals/{id}/withdrawal")
                .at(who -> "/referrals/" + referral(ReferralStatus.BOOKED) + "/withdrawal")
                .body(who -> Map.of())
                .expect(200, REFERRER)
                .expect(404, OTHER_REFERRER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/referrals/{id}/reroute")
                .at(who -> "/referrals/" + referral(ReferralStatus.NEEDS_ATTENTION) + "/reroute")
                .body(who -> Map.of())
                .expect(200, REFERRER)
                .expect(404, OTHER_REFERRER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/referrals/{id}/course")
                .at(who -> "/referrals/" + bookedInAClassBegun() + "/course")
                .expect(200, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("PUT", "/referrals/{id}/course/sessions/{n}")
                .at(who -> "/referrals/" + bookedInAClassBegun() + "/course/sessions/1")
                .body(who -> Map.of("attendance", "ATTENDED"))
                .expect(200, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/referrals/{id}/course/drop-out")
                .at(who -> "/referrals/" + bookedInAClassBegun() + "/course/drop-out")
                .body(who -> Map.of("reasonCode", "PERSON_CHOSE_TO_STOP"))
                .expect(200, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/referrals/{id}/course/measures")
                .at(who -> "/referrals/" + bookedInAClassBegun() + "/course/measures")
                .body(who -> Map.of(
                        "instrument", "EQ_VAS", "timepoint", "FIRST_SESSION", "score", 70, "takenOn", "2026-01-05"))
                .expect(200, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/classes/{classId}/sessions/{n}/cancellation")
                .at(who -> "/classes/" + Fixtures.classBegun(PROVIDER_ID, SITE, 12, 8) + "/sessions/2/cancellation")
                .expect(200, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/classes/{classId}/register")
                .at(who -> "/classes/" + Fixtures.classBegun(PROVIDER_ID, SITE, 12, 8) + "/register")
                .expect(200, PROVIDER)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/webhook-subscriptions")
                .body(who -> Map.of("callbackUrl", uk.nhs.pathways.referral.webhook.WebhookTestSupport.sinkUrl()))
                .expect(201, REFERRER, OTHER_REFERRER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/webhook-subscriptions")
                .expect(200, REFERRER, OTHER_REFERRER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/webhook-subscriptions/{id}")
                .at(who -> "/webhook-subscriptions/"
                        + uk.nhs.pathways.referral.webhook.WebhookTestSupport.sharedSubscription(PRACTICE))
                .expect(200, REFERRER, ADMIN)
                .expect(404, OTHER_REFERRER)
                .othersGet(403)
                .and()
                .endpoint("DELETE", "/webhook-subscriptions/{id}")
                .at(who -> "/webhook-subscriptions/"
                        + (who == REFERRER || who == ADMIN
                                ? uk.nhs.pathways.referral.webhook.WebhookTestSupport.freshSubscription(PRACTICE)
                                : uk.nhs.pathways.referral.webhook.WebhookTestSupport.sharedSubscription(PRACTICE)))
                .expect(204, REFERRER, ADMIN)
                .expect(404, OTHER_REFERRER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/audit")
                .expect(200, ADMIN)
                .othersGet(403)
                .and()
                .verify();
    }

    /** A referral from PRACTICE booked with PROVIDER into a class whose sessions have begun. */
    static UUID bookedInAClassBegun() {
        return Fixtures.booked(PRACTICE, PROVIDER_ID, SITE, Fixtures.classBegun(PROVIDER_ID, SITE, 12, 8), Joint.KNEE);
    }

    /** A referral from PRACTICE offered to PROVIDER, in the given state. */
    static UUID referral(ReferralStatus status) {
        return referral(status, null);
    }

    /** The same, funded by a contract that pays for this many contacts per episode (null: not stated). */
    static UUID referral(ReferralStatus status, Integer contactsFunded) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Referral r = new Referral();
            r.id = UUID.randomUUID();
            r.practiceOdsCode = PRACTICE;
            r.referrer = "matrix";
            r.nhsNumber = Fixtures.nhsNumber();
            r.patientName = "Matrix Person";
            r.dateOfBirth = LocalDate.of(1950, 1, 1);
            r.postcode = POSTCODE;
            r.patientPseudonym = "p-matrix";
            r.reasonSystem = "http://snomed.info/sct";
            r.reasonCode = Fixtures.KNEE_OA;
            r.joint = Joint.KNEE;
            r.status = status;
            r.routedClassId = status == ReferralStatus.NEEDS_ATTENTION ? null : CLASS;
            r.siteId = SITE;
            r.siteName = "Matrix Site";
            r.providerId = PROVIDER_ID;
            r.providerName = "Matrix Provider";
            r.sessions = 12;
            r.distanceMetres = 10L;
            r.contactsFunded = contactsFunded;
            if (status != ReferralStatus.SUBMITTED && status != ReferralStatus.NEEDS_ATTENTION) {
                r.offeredAt = OffsetDateTime.now(); // it was offered to the provider
            }
            if (status == ReferralStatus.BOOKED) {
                r.classId = CLASS;
                r.bookingRequestNumber = 1;
            }
            r.submittedAt = OffsetDateTime.now();
            r.updatedAt = r.submittedAt;
            r.persist();
            return r.id;
        });
    }

    /** The provider's site in Oxford and a roomy class there, written straight into the copies. */
    static void aClassOfTheProvider() {
        QuarkusTransaction.requiringNew().run(() -> {
            if (DirectorySite.findById(SITE) == null) {
                DirectorySite s = new DirectorySite();
                s.siteId = SITE;
                s.name = "Matrix Site";
                s.providerId = PROVIDER_ID;
                s.providerName = "Matrix Provider";
                s.providerType = uk.nhs.pathways.events.ProviderType.LEISURE_OPERATOR;
                s.setting = uk.nhs.pathways.events.Setting.LEISURE_CENTRE;
                s.postcode = POSTCODE;
                s.latitude = 51.744998;
                s.longitude = -1.261343;
                s.programmes = "KNEE,HIP";
                s.sessions = 12;
                s.status = uk.nhs.pathways.events.SiteStatus.ACTIVE;
                s.updatedAt = OffsetDateTime.now();
                s.persist();
            }
            if (DirectoryClass.findById(CLASS) == null) {
                DirectoryClass c = new DirectoryClass();
                c.classId = CLASS;
                c.siteId = SITE;
                c.providerId = PROVIDER_ID;
                c.programmes = "KNEE,HIP";
                c.startDate = LocalDate.now().plusDays(7);
                c.days = "TUESDAY,THURSDAY";
                c.startTime = LocalTime.of(10, 0);
                c.sessions = 12;
                c.capacity = 1000;
                c.placesTaken = 0;
                c.facilitatorType = uk.nhs.pathways.events.FacilitatorType.PHYSIOTHERAPIST;
                c.status = uk.nhs.pathways.events.ClassStatus.SCHEDULED;
                c.updatedAt = OffsetDateTime.now();
                c.persist();
            }
        });
    }
}
