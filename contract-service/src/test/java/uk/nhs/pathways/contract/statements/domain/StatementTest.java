package uk.nhs.pathways.contract.statements.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.nhs.pathways.contract.terms.domain.ContractVersionTest.version;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.funding.domain.EpisodeActivity;
import uk.nhs.pathways.contract.statements.domain.Statement.Item;
import uk.nhs.pathways.contract.statements.domain.Statement.Line;
import uk.nhs.pathways.contract.terms.domain.CapPeriod;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;

/** Each payment model's statement, with figures worked out by hand. Integer pence throughout. */
class StatementTest {

    static final YearMonth MAY = YearMonth.of(2026, 5);

    static List<EpisodeActivity> activity(ContractVersion v, EpisodeActivity.Kind kind, String provider, int n) {
        List<EpisodeActivity> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            EpisodeActivity a = new EpisodeActivity();
            a.referralId = provider + "-" + kind + "-" + i;
            a.kind = kind;
            a.occurredOn = LocalDate.of(2026, 5, 1 + i % 28);
            a.contractId = v.contractId;
            a.contractVersion = v.version;
            a.providerId = provider;
            list.add(a);
        }
        return list;
    }

    @Test
    void outcomeBasedPaysEachCompletionAndEachResponder() {
        ContractVersion v = version("outcomes", null, 12, "2026-04-01", null);
        v.paymentModel = PaymentModel.OUTCOME_BASED;
        v.pricePerCompletionPence = 13_000L;
        v.pricePerResponderPence = 3_300L;
        List<EpisodeActivity> delivered = new ArrayList<>();
        delivered.addAll(activity(v, EpisodeActivity.Kind.COMPLETED, "prov-a", 10));
        delivered.addAll(activity(v, EpisodeActivity.Kind.RESPONDER, "prov-a", 6));
        delivered.addAll(activity(v, EpisodeActivity.Kind.STARTED, "prov-a", 14)); // not what this model pays for

        Statement s = Statement.of(v.contract, MAY, delivered);
        assertThat(s.lines())
                .containsExactly(
                        new Line(Item.COMPLETIONS, 1, "prov-a", "ICB QWO", "prov-a", 10, 13_000, 130_000),
                        new Line(Item.RESPONDERS, 1, "prov-a", "ICB QWO", "prov-a", 6, 3_300, 19_800));
        assertThat(s.commissionerPaysPence()).isEqualTo(149_800); // 10 x 130.00 + 6 x 33.00 = 1,498.00
        assertThat(s.primeCarriesPence()).isZero();
    }

    @Test
    void activityPaysEachEpisodeStartedPerProvider() {
        ContractVersion v = version("activity", null, 12, "2026-04-01", null);
        v.paymentModel = PaymentModel.ACTIVITY;
        v.pricePerEpisodePence = 16_300L;
        List<EpisodeActivity> delivered = new ArrayList<>(activity(v, EpisodeActivity.Kind.STARTED, "prov-a", 3));
        delivered.addAll(activity(v, EpisodeActivity.Kind.STARTED, "prov-b", 2));
        Statement s = Statement.of(v.contract, MAY, delivered);
        assertThat(s.lines())
                .extracting(Line::providerId, Line::amountPence)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("prov-a", 48_900L),
                        org.assertj.core.groups.Tuple.tuple("prov-b", 32_600L));
        assertThat(s.commissionerPaysPence()).isEqualTo(81_500);
    }

    @Test
    void primeSubContractShowsWhatTheCommissionerPaysAndWhatThePrimeCarries() {
        ContractVersion v = version("prime", "leisure-1", 12, "2026-04-01", null);
        v.paymentModel = PaymentModel.PRIME_SUB_CONTRACT;
        v.primeContractorId = "nhs-msk-qoq";
        v.pricePerEpisodePence = 13_000L;
        v.subContractPricePencePerEpisode = 16_300L;
        Statement one = Statement.of(v.contract, MAY, activity(v, EpisodeActivity.Kind.STARTED, "leisure-1", 1));
        assertThat(one.lines())
                .containsExactly(
                        new Line(Item.PRIME_REIMBURSEMENT, 1, "leisure-1", "ICB QWO", "nhs-msk-qoq", 1, 13_000, 13_000),
                        new Line(
                                Item.SUB_CONTRACT_PAYMENT,
                                1,
                                "leisure-1",
                                "nhs-msk-qoq",
                                "leisure-1",
                                1,
                                16_300,
                                16_300));
        assertThat(one.commissionerPaysPence()).isEqualTo(13_000); // 130.00 from the commissioner
        assertThat(one.primeCarriesPence()).isEqualTo(3_300); // 33.00 carried by the prime

        Statement ten = Statement.of(v.contract, MAY, activity(v, EpisodeActivity.Kind.STARTED, "leisure-1", 10));
        assertThat(ten.commissionerPaysPence()).isEqualTo(130_000);
        assertThat(ten.primeCarriesPence()).isEqualTo(33_000);
    }

    @Test
    void aBlockIsPaidInEqualMonthlyInstalmentsTheLastTakingTheRemainder() {
        ContractVersion v = version("block", "prov-a", 4, "2026-04-01", null);
        v.blockAmountPence = 1_000_000L; // a quarter: 3,333.33 + 3,333.33 + 3,333.34
        List<Long> quarter = new ArrayList<>();
        for (int month = 4; month <= 6; month++) {
            quarter.add(Statement.of(v.contract, YearMonth.of(2026, month), List.of())
                    .commissionerPaysPence());
        }
        assertThat(quarter).containsExactly(333_333L, 333_333L, 333_334L);
        assertThat(quarter.stream().mapToLong(Long::longValue).sum()).isEqualTo(1_000_000);

        v.capPeriod = CapPeriod.YEAR;
        v.blockAmountPence = 1_200_005L;
        assertThat(Statement.of(v.contract, YearMonth.of(2026, 4), List.of()).commissionerPaysPence())
                .isEqualTo(100_000);
        assertThat(Statement.of(v.contract, YearMonth.of(2027, 3), List.of()).commissionerPaysPence())
                .isEqualTo(100_005);
        // Before the contract, nothing.
        assertThat(Statement.of(v.contract, YearMonth.of(2026, 3), List.of()).lines())
                .isEmpty();
        // Episodes started under a block are counted, not priced.
        Statement withStarts = Statement.of(v.contract, MAY, activity(v, EpisodeActivity.Kind.STARTED, "prov-a", 4));
        assertThat(withStarts.lines())
                .extracting(Line::item, Line::quantity, Line::amountPence)
                .contains(org.assertj.core.groups.Tuple.tuple(Item.EPISODES_STARTED, 4L, 0L));
    }

    @Test
    void eachEpisodeIsPricedByTheVersionThatFundedIt() {
        ContractVersion first = version("amended", null, 12, "2026-04-01", "2026-04-30");
        first.paymentModel = PaymentModel.ACTIVITY;
        first.pricePerEpisodePence = 10_000L;
        ContractVersion second = first.contract.amend(
                uk.nhs.pathways.contract.terms.domain.ContractVersionTest.terms(null, 12, "2026-05-01", null), false);
        second.paymentModel = PaymentModel.ACTIVITY;
        second.pricePerEpisodePence = 16_300L;
        List<EpisodeActivity> delivered = new ArrayList<>(activity(first, EpisodeActivity.Kind.STARTED, "p", 2));
        delivered.addAll(activity(second, EpisodeActivity.Kind.STARTED, "p", 1));
        assertThat(Statement.of(first.contract, MAY, delivered).commissionerPaysPence())
                .isEqualTo(2 * 10_000 + 16_300);
    }
}
