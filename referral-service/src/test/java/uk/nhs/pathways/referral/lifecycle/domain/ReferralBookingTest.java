package uk.nhs.pathways.referral.lifecycle.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitionsTest.AT;
import static uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitionsTest.BEFORE;
import static uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitionsTest.aClass;
import static uk.nhs.pathways.referral.lifecycle.domain.ReferralTransitionsTest.referralIn;

import org.junit.jupiter.api.Test;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ReferralStatus;
import uk.nhs.pathways.platform.problem.Problem;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.referral.directory.domain.DirectoryClass;

/** What an accepted referral may be booked into: the rules of {@link Referral#book}, one at a time. */
class ReferralBookingTest {

    static Referral accepted() {
        return accepted(12);
    }

    /** Accepted, funded by a contract that pays for this many contacts per episode (null: not stated). */
    static Referral accepted(Integer contactsFunded) {
        Referral referral = referralIn(ReferralStatus.ACCEPTED);
        referral.fundingContractId = "contract-1";
        referral.contactsFunded = contactsFunded;
        return referral;
    }

    @Test
    void anAcceptedReferralIsBookedIntoAScheduledClassOfItsProviderWithAFreePlace() {
        Referral referral = accepted();
        referral.book(aClass(12), AT);
        assertThat(referral.status).isEqualTo(ReferralStatus.BOOKED);
        assertThat(referral.classId).isEqualTo("class-12");
        assertThat(referral.bookedAt).isEqualTo(AT);
        assertThat(referral.statusReason).isEqualTo("Booked into a class starting 2026-12-01");
    }

    @Test
    void aClassOfNoMoreSessionsThanTheContractPaysForIsBooked() {
        Referral referral = accepted(8);
        referral.book(aClass(8), AT);
        assertThat(referral.status).isEqualTo(ReferralStatus.BOOKED);
        assertThat(referral.classId).isEqualTo("class-8");
        assertThat(referral.bookedAt).isEqualTo(AT);
        assertThat(referral.statusReason).isEqualTo("Booked into a class starting 2026-12-01");
    }

    @Test
    void aClassWithMoreSessionsThanTheContractPaysForIsRefusedNamingTheClassAndBothNumbers() {
        Referral referral = accepted(8);
        assertThatThrownBy(() -> referral.book(aClass(12), AT)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage())
                    .contains("class-12")
                    .contains("12 sessions")
                    .contains("at most 8 contacts");
        });
        assertUnchanged(referral);
    }

    @Test
    void withoutAStatedCapTheCourseLengthTheContractWasCheckedAgainstIsTheLimit() {
        Referral sameLength = accepted(null); // funded before decisions stated their cap; sessions 12
        sameLength.book(aClass(12), AT);
        assertThat(sameLength.status).isEqualTo(ReferralStatus.BOOKED);

        Referral longer = accepted(null);
        assertThatThrownBy(() -> longer.book(aClass(14), AT))
                .isInstanceOfSatisfying(
                        ProblemException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertUnchanged(longer);
    }

    @Test
    void anotherProvidersClassAClassNotOpenAndAClassForTheOtherJointAreBadRequests() {
        DirectoryClass another = aClass(12);
        another.providerId = "prov-2";
        DirectoryClass running = aClass(12);
        running.status = ClassStatus.RUNNING;
        DirectoryClass hipOnly = aClass(12);
        hipOnly.programmes = Joint.HIP.name();
        for (DirectoryClass cohort : new DirectoryClass[] {another, running, hipOnly}) {
            Referral referral = accepted();
            assertThatThrownBy(() -> referral.book(cohort, AT)).isInstanceOfSatisfying(ProblemException.class, e -> {
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("classId");
            });
            assertUnchanged(referral);
        }
    }

    @Test
    void aFullClassIsAConflict() {
        DirectoryClass full = aClass(12);
        full.placesTaken = full.capacity;
        Referral referral = accepted();
        assertThatThrownBy(() -> referral.book(full, AT)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(409);
            assertThat(e.getMessage()).isEqualTo("class class-12 is full");
        });
        assertUnchanged(referral);
    }

    @Test
    void declineNeedsAReason() {
        Referral referral = referralIn(ReferralStatus.OFFERED);
        assertThatThrownBy(() -> referral.decline(" ", AT)).isInstanceOfSatisfying(ProblemException.class, e -> {
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.errors()).extracting(Problem.FieldError::field).containsExactly("reason");
        });
        assertThat(referral.status).isEqualTo(ReferralStatus.OFFERED);
    }

    static void assertUnchanged(Referral referral) {
        assertThat(referral.status).isEqualTo(ReferralStatus.ACCEPTED);
        assertThat(referral.classId).isNull();
        assertThat(referral.bookedAt).isNull();
        assertThat(referral.updatedAt).isEqualTo(BEFORE);
    }
}
