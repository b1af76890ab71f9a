package uk.nhs.pathways.contract.terms.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.events.Joint;

/** Each rule of a contract, on its own, at its edges. */
public class ContractTest {

    public static Contract contract(String id, String provider, int maxContacts, String from, String to) {
        Contract c = new Contract();
        c.id = id;
        c.commissionerIcb = "QWO";
        c.providerId = provider;
        c.model = CommissioningModel.BLOCK;
        c.maxContactsPerEpisode = maxContacts;
        c.validFrom = LocalDate.parse(from);
        c.validTo = to == null ? null : LocalDate.parse(to);
        return c;
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "2026-03-31, false", // the day before it starts
        "2026-04-01, true", // its first day
        "2026-10-15, true",
        "2027-03-31, true", // its last day
        "2027-04-01, false" // the day after it ends
    })
    void isInForceFromItsFirstDayToItsLastBothIncluded(LocalDate day, boolean inForce) {
        assertThat(contract("c", null, 12, "2026-04-01", "2027-03-31").inForceOn(day))
                .isEqualTo(inForce);
    }

    @Test
    void withoutAnEndItIsInForceFromItsFirstDayOn() {
        Contract openEnded = contract("c", null, 12, "2026-04-01", null);
        assertThat(openEnded.inForceOn(LocalDate.parse("2026-03-31"))).isFalse();
        assertThat(openEnded.inForceOn(LocalDate.parse("2040-01-01"))).isTrue();
    }

    @Test
    void coversTheProviderItIsWithOrAnyQualifiedProvider() {
        Contract withLeeds = contract("c", "prov-leeds", 12, "2026-04-01", null);
        assertThat(withLeeds.covers("prov-leeds")).isTrue();
        assertThat(withLeeds.covers("prov-bradford")).isFalse();

        Contract anyQualified = contract("aqp", null, 12, "2026-04-01", null);
        assertThat(anyQualified.covers("prov-leeds")).isTrue();
        assertThat(anyQualified.covers("prov-bradford")).isTrue();
    }

    @ParameterizedTest(name = "cap 8, {0} contacts: {1}")
    @CsvSource({"4, true", "7, true", "8, true", "9, false", "12, false"})
    void allowsAnEpisodeOfUpToItsCapOfContacts(int contacts, boolean allowed) {
        assertThat(contract("c", null, 8, "2026-04-01", null).allowsContactsPerEpisode(contacts))
                .isEqualTo(allowed);
    }

    @Test
    void aContractWithTheProviderIsTriedBeforeAnAnyQualifiedProviderOneThenById() {
        Contract aqpA = contract("a-aqp", null, 12, "2026-04-01", null);
        Contract ownZ = contract("z-own", "prov-leeds", 12, "2026-04-01", null);
        Contract ownM = contract("m-own", "prov-leeds", 12, "2026-04-01", null);
        assertThat(Stream.of(aqpA, ownZ, ownM)
                        .sorted(Contract.PROVIDER_SPECIFIC_FIRST)
                        .map(c -> c.id)
                        .toList())
                .isEqualTo(List.of("m-own", "z-own", "a-aqp"));
    }

    @Test
    void paysForBothJointsUnlessItNamesOne() {
        Contract both = contract("c", null, 12, "2026-04-01", null);
        assertThat(both.joints()).containsExactly(Joint.KNEE, Joint.HIP);
        assertThat(both.coversJoint(Joint.HIP)).isTrue();

        Contract kneeOnly = contract("k", null, 12, "2026-04-01", null);
        kneeOnly.joints(List.of(Joint.KNEE, Joint.KNEE));
        assertThat(kneeOnly.joints()).containsExactly(Joint.KNEE);
        assertThat(kneeOnly.coversJoint(Joint.KNEE)).isTrue();
        assertThat(kneeOnly.coversJoint(Joint.HIP)).isFalse();
        assertThatThrownBy(() -> kneeOnly.joints(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCoverageOfAPairIsAPeriodPerContractEarliestFirstWithoutPrices() {
        Contract later = contract("b-later", "prov-leeds", 8, "2027-04-01", null);
        later.joints(List.of(Joint.HIP));
        later.pricePerEpisodePence = 16_300;
        Contract earlier = contract("a-earlier", "prov-leeds", 12, "2026-04-01", "2027-03-31");

        FundingCoverage coverage =
                Contract.coverage("QWO", "prov-leeds", List.of(later, earlier)).orElseThrow();
        assertThat(coverage)
                .isEqualTo(new FundingCoverage(
                        "QWO",
                        "prov-leeds",
                        List.of(
                                new FundingCoverage.Period(
                                        LocalDate.parse("2026-04-01"),
                                        LocalDate.parse("2027-03-31"),
                                        List.of(Joint.KNEE, Joint.HIP),
                                        12),
                                new FundingCoverage.Period(
                                        LocalDate.parse("2027-04-01"), null, List.of(Joint.HIP), 8))));
        assertThat(Contract.coverage("QWO", null, List.of())).isEmpty(); // none left: a tombstone
        assertThatThrownBy(() -> Contract.coverage("QWO", null, List.of(earlier)))
                .isInstanceOf(IllegalArgumentException.class); // the provider's own contract is not any provider's
    }
}
