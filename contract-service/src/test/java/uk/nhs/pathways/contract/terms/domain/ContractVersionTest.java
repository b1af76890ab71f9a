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
import uk.nhs.pathways.platform.problem.ProblemException;

/** Each rule of a contract's terms, on its own, at its edges; versions and how they follow one another. */
public class ContractVersionTest {

    /** The first version of a contract of QWO (not persisted). */
    public static ContractVersion version(String contractId, String provider, int maxContacts, String from, String to) {
        Contract contract = new Contract();
        contract.id = contractId;
        contract.commissionerIcb = "QWO";
        return contract.amend(terms(provider, maxContacts, from, to), false);
    }

    public static ContractVersion terms(String provider, int maxContacts, String from, String to) {
        ContractVersion v = new ContractVersion();
        v.paymentModel = PaymentModel.BLOCK;
        v.maxContactsPerEpisode = maxContacts;
        v.providerIds(provider == null ? null : List.of(provider));
        v.validFrom = LocalDate.parse(from);
        v.validTo = to == null ? null : LocalDate.parse(to);
        return v;
    }

    static String fieldOf(Throwable t) {
        return ((ProblemException) t).errors().getFirst().field();
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
        assertThat(version("c", null, 12, "2026-04-01", "2027-03-31").inForceOn(day))
                .isEqualTo(inForce);
    }

    @Test
    void withoutAnEndItIsInForceFromItsFirstDayOn() {
        ContractVersion openEnded = version("c", null, 12, "2026-04-01", null);
        assertThat(openEnded.inForceOn(LocalDate.parse("2026-03-31"))).isFalse();
        assertThat(openEnded.inForceOn(LocalDate.parse("2040-01-01"))).isTrue();
    }

    @Test
    void coversItsProvidersOrAnyQualifiedProviderAndItsSitesOrAll() {
        ContractVersion withLeeds = version("c", "prov-leeds", 12, "2026-04-01", null);
        assertThat(withLeeds.covers("prov-leeds")).isTrue();
        assertThat(withLeeds.covers("prov-bradford")).isFalse();
        assertThat(withLeeds.coversSite("any-site")).isTrue();

        ContractVersion two = version("two", null, 12, "2026-04-01", null);
        two.providerIds(List.of("prov-b", "prov-a", "prov-b"));
        assertThat(two.providerIds()).containsExactly("prov-a", "prov-b");
        assertThat(two.covers("prov-a")).isTrue();
        assertThat(two.covers("prov-c")).isFalse();
        two.siteIds(List.of("site-1"));
        assertThat(two.coversSite("site-1")).isTrue();
        assertThat(two.coversSite("site-2")).isFalse();

        ContractVersion anyQualified = version("aqp", null, 12, "2026-04-01", null);
        assertThat(anyQualified.anyQualifiedProvider()).isTrue();
        assertThat(anyQualified.covers("prov-leeds")).isTrue();
    }

    @ParameterizedTest(name = "cap 8, {0} contacts: {1}")
    @CsvSource({"4, true", "7, true", "8, true", "9, false", "12, false"})
    void allowsAnEpisodeOfUpToItsCapOfContacts(int contacts, boolean allowed) {
        assertThat(version("c", null, 8, "2026-04-01", null).allowsContactsPerEpisode(contacts))
                .isEqualTo(allowed);
    }

    @Test
    void aVersionWithItsProvidersOwnTermsIsTriedBeforeAnyQualifiedProviderThenByContract() {
        ContractVersion aqpA = version("a-aqp", null, 12, "2026-04-01", null);
        ContractVersion ownZ = version("z-own", "prov-leeds", 12, "2026-04-01", null);
        ContractVersion ownM = version("m-own", "prov-leeds", 12, "2026-04-01", null);
        assertThat(Stream.of(aqpA, ownZ, ownM)
                        .sorted(ContractVersion.PROVIDER_SPECIFIC_FIRST)
                        .map(v -> v.contractId)
                        .toList())
                .isEqualTo(List.of("m-own", "z-own", "a-aqp"));
    }

    @Test
    void paysForBothJointsUnlessItNamesOne() {
        ContractVersion both = version("c", null, 12, "2026-04-01", null);
        assertThat(both.joints()).containsExactly(Joint.KNEE, Joint.HIP);
        both.joints(List.of(Joint.KNEE, Joint.KNEE));
        assertThat(both.joints()).containsExactly(Joint.KNEE);
        assertThat(both.coversJoint(Joint.HIP)).isFalse();
        both.joints(List.of());
        assertThat(both.joints()).containsExactly(Joint.KNEE, Joint.HIP);
    }

    @Test
    void anEpisodeCommitsWhatTheCommissionerCanComeToPayForIt() {
        ContractVersion v = version("c", null, 12, "2026-04-01", null);
        v.blockAmountPence = 1_000_000L;
        assertThat(v.expectedCostPence()).isZero(); // a block is paid whatever the activity
        v.paymentModel = PaymentModel.ACTIVITY;
        v.pricePerEpisodePence = 16_300L;
        assertThat(v.expectedCostPence()).isEqualTo(16_300);
        v.paymentModel = PaymentModel.OUTCOME_BASED;
        v.pricePerCompletionPence = 13_000L;
        v.pricePerResponderPence = 3_300L;
        assertThat(v.expectedCostPence()).isEqualTo(16_300);
        v.paymentModel = PaymentModel.PRIME_SUB_CONTRACT;
        v.pricePerEpisodePence = 13_000L;
        v.subContractPricePencePerEpisode = 16_300L;
        assertThat(v.expectedCostPence()).isEqualTo(13_000); // the commissioner reimburses the prime
        assertThat(v.subContractPricePence()).isEqualTo(16_300);
    }

    @ParameterizedTest(name = "{0} in a {1}: {2} to {3}")
    @CsvSource({
        "2026-04-01, QUARTER, 2026-04-01, 2026-06-30",
        "2026-06-30, QUARTER, 2026-04-01, 2026-06-30",
        "2026-11-26, QUARTER, 2026-10-01, 2026-12-31",
        "2027-02-28, QUARTER, 2027-01-01, 2027-03-31",
        "2026-04-01, YEAR, 2026-04-01, 2027-03-31",
        "2027-03-31, YEAR, 2026-04-01, 2027-03-31",
        "2027-01-15, YEAR, 2026-04-01, 2027-03-31"
    })
    void capsCountOverNhsFinancialQuartersOrYears(LocalDate day, CapPeriod kind, LocalDate start, LocalDate end) {
        assertThat(kind.containing(day)).isEqualTo(new Period(start, end));
    }

    @Test
    void versionsNeverOverlapAndTheRefusalNamesTheField() {
        ContractVersion first = version("c", null, 4, "2026-04-01", "2026-09-30");
        Contract contract = first.contract;

        assertThatThrownBy(() -> contract.amend(terms(null, 12, "2026-09-30", null), false))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("validFrom"));
        assertThatThrownBy(() -> contract.amend(terms(null, 12, "2026-01-01", "2026-04-01"), false))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("validTo"));
        assertThatThrownBy(() -> contract.amend(terms(null, 12, "2026-12-01", "2026-11-30"), false))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("validTo"));
        ContractVersion yearly = terms(null, 12, "2026-10-01", null);
        yearly.capPeriod = CapPeriod.YEAR;
        assertThatThrownBy(() -> contract.amend(yearly, false))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("capPeriod"));
        assertThat(contract.versions).hasSize(1); // nothing half-done

        ContractVersion second = contract.amend(terms(null, 12, "2026-10-01", null), false);
        assertThat(second.version).isEqualTo(2);
        assertThat(contract.versionOn(LocalDate.parse("2026-09-30"))).contains(first);
        assertThat(contract.versionOn(LocalDate.parse("2026-10-01"))).contains(second);
        assertThat(contract.validFrom()).isEqualTo(LocalDate.parse("2026-04-01"));
        assertThat(contract.validTo()).isNull();
    }

    @Test
    void anAmendmentMaySupersedeTheVersionInForceOnItsFirstDay() {
        ContractVersion first = version("c", null, 4, "2026-04-01", null);
        Contract contract = first.contract;
        ContractVersion twelve = contract.amend(terms(null, 12, "2026-11-01", null), true);
        assertThat(first.validTo).isEqualTo(LocalDate.parse("2026-10-31"));
        assertThat(twelve.version).isEqualTo(2);
        // Superseding needs a version that began earlier to cut short.
        assertThatThrownBy(() -> contract.amend(terms(null, 8, "2026-11-01", null), true))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("supersede"));
        assertThatThrownBy(() -> contract.amend(terms(null, 8, "2026-01-01", null), true))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("supersede"));
    }

    @Test
    void endingCutsTheVersionInForceAndRefusesADayBeforeAVersionStarts() {
        ContractVersion first = version("c", null, 4, "2026-04-01", "2026-09-30");
        Contract contract = first.contract;
        ContractVersion second = contract.amend(terms(null, 12, "2026-10-01", null), false);
        assertThatThrownBy(() -> contract.end(LocalDate.parse("2026-09-15")))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("lastDay"));
        assertThatThrownBy(() -> contract.end(LocalDate.parse("2026-03-31")))
                .satisfies(e -> assertThat(fieldOf(e)).isEqualTo("lastDay"));
        assertThat(contract.end(LocalDate.parse("2026-12-31"))).isTrue();
        assertThat(second.validTo).isEqualTo(LocalDate.parse("2026-12-31"));
        assertThat(first.validTo).isEqualTo(LocalDate.parse("2026-09-30"));
        assertThat(contract.end(LocalDate.parse("2026-12-31"))).isFalse(); // again: nothing changes
    }

    @Test
    void theCoverageOfAPairIsAPeriodPerVersionEarliestFirstWithoutPricesOrSiteBoundVersions() {
        ContractVersion earlier = version("a-earlier", "prov-leeds", 12, "2026-04-01", "2027-03-31");
        ContractVersion later = earlier.contract.amend(terms("prov-leeds", 8, "2027-04-01", null), false);
        later.joints(List.of(Joint.HIP));
        later.pricePerEpisodePence = 16_300L;
        ContractVersion siteBound = version("b-site", "prov-leeds", 12, "2026-04-01", null);
        siteBound.siteIds(List.of("site-1"));
        ContractVersion aqp = version("c-aqp", null, 12, "2026-04-01", null);

        FundingCoverage coverage = Contract.coverage("QWO", "prov-leeds", List.of(aqp, siteBound, later, earlier))
                .orElseThrow();
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
        assertThat(Contract.coverage("QWO", null, List.of(aqp)).orElseThrow().periods())
                .hasSize(1);
        assertThat(Contract.coverage("QWO", "prov-bradford", List.of(earlier))).isEmpty(); // a tombstone
    }

    @Test
    void aSitesCoverIsYesOrNoWithTheGapNamed() {
        ContractVersion capped = version("block-4", null, 4, "2026-04-01", null);
        ContractVersion leeds = version("leeds", "prov-leeds", 12, "2026-04-01", null);
        leeds.siteIds(List.of("site-leeds"));
        leeds.joints(List.of(Joint.KNEE));
        LocalDate day = LocalDate.parse("2026-11-26");
        List<Joint> both = List.of(Joint.KNEE, Joint.HIP);

        assertThat(SiteCover.of(List.of(capped), "prov-leeds", "site-leeds", both, 12, day)
                        .gap())
                .isEqualTo(SiteCover.Gap.TOO_FEW_CONTACTS);
        assertThat(SiteCover.of(List.of(leeds), "prov-leeds", "site-other", both, 12, day)
                        .gap())
                .isEqualTo(SiteCover.Gap.SITE_NOT_COVERED);
        assertThat(SiteCover.of(List.of(leeds), "prov-leeds", "site-leeds", List.of(Joint.HIP), 12, day)
                        .gap())
                .isEqualTo(SiteCover.Gap.JOINTS_NOT_COVERED);
        assertThat(SiteCover.of(List.of(leeds), "prov-york", "site-leeds", both, 12, day)
                        .gap())
                .isEqualTo(SiteCover.Gap.NO_CONTRACT);
        SiteCover covered = SiteCover.of(List.of(capped, leeds), "prov-leeds", "site-leeds", both, 12, day);
        assertThat(covered.covered()).isTrue();
        assertThat(covered.joints()).containsExactly(Joint.KNEE);
        assertThat(covered.contactsPerEpisode()).isEqualTo(12);
        assertThat(SiteCover.of(List.of(leeds), "prov-leeds", "site-leeds", both, 12, LocalDate.parse("2026-01-01"))
                        .covered())
                .isFalse();
    }
}
