package uk.nhs.pathways.contract.statements.domain;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import uk.nhs.pathways.contract.funding.domain.EpisodeActivity;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;

/**
 * What a contract pays for one month, line by line, from what was delivered under it (courses started,
 * completed, responders at follow-up), priced by the version of its terms that funded each episode. Money is
 * integer pence throughout.
 *
 * @param commissionerPaysPence what the commissioner pays (its lines' total)
 * @param primeCarriesPence     prime/sub-contract: what the prime pays its providers beyond its reimbursement
 */
public record Statement(
        String contractId,
        String commissionerIcb,
        YearMonth month,
        List<Line> lines,
        long commissionerPaysPence,
        long primeCarriesPence) {

    public enum Item {
        /** BLOCK: this month's instalment of the period's fixed amount. */
        BLOCK_INSTALMENT,
        /** ACTIVITY: courses started (BLOCK: counted, not priced). */
        EPISODES_STARTED,
        /** OUTCOME_BASED: courses completed. */
        COMPLETIONS,
        /** OUTCOME_BASED: responders at the follow-up measure. */
        RESPONDERS,
        /** PRIME_SUB_CONTRACT: the commissioner reimburses the prime per course. */
        PRIME_REIMBURSEMENT,
        /** PRIME_SUB_CONTRACT: the prime pays its sub-contracted provider per course. */
        SUB_CONTRACT_PAYMENT
    }

    /**
     * One line: who pays whom, how many at what unit price.
     *
     * @param providerId the provider that delivered; null for a block instalment
     */
    public record Line(
            Item item,
            int contractVersion,
            String providerId,
            String payer,
            String payee,
            long quantity,
            long unitPence,
            long amountPence) {

        static Line of(Item item, int version, String provider, String payer, String payee, long quantity, long unit) {
            return new Line(item, version, provider, payer, payee, quantity, unit, Math.multiplyExact(quantity, unit));
        }
    }

    /** The commissioner, as payer. */
    public static String commissioner(String icb) {
        return "ICB " + icb;
    }

    /**
     * The month's statement of a contract.
     *
     * @param activities what was delivered under the contract in the month (stamped with it)
     */
    public static Statement of(Contract contract, YearMonth month, List<EpisodeActivity> activities) {
        String commissioner = commissioner(contract.commissionerIcb);
        List<Line> lines = new ArrayList<>();
        long primeCarries = 0;

        blockInstalment(contract, month).ifPresent(lines::add);

        // Count each kind of activity per version of the terms and provider.
        record Group(int version, String provider, EpisodeActivity.Kind kind) {}
        Map<Group, Long> counts = new TreeMap<>(Comparator.comparingInt(Group::version)
                .thenComparing(Group::provider, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(Group::kind));
        for (EpisodeActivity a : activities) {
            if (a.contractVersion == null || !contract.id.equals(a.contractId)) {
                continue;
            }
            counts.merge(new Group(a.contractVersion, a.providerId, a.kind), 1L, Long::sum);
        }
        for (var entry : counts.entrySet()) {
            Group g = entry.getKey();
            long n = entry.getValue();
            ContractVersion terms = contract.version(g.version()).orElse(null);
            if (terms == null) {
                continue;
            }
            switch (terms.paymentModel) {
                case BLOCK -> {
                    if (g.kind() == EpisodeActivity.Kind.STARTED) {
                        lines.add(Line.of(
                                Item.EPISODES_STARTED, g.version(), g.provider(), commissioner, g.provider(), n, 0));
                    }
                }
                case ACTIVITY -> {
                    if (g.kind() == EpisodeActivity.Kind.STARTED) {
                        lines.add(Line.of(
                                Item.EPISODES_STARTED,
                                g.version(),
                                g.provider(),
                                commissioner,
                                g.provider(),
                                n,
                                orZero(terms.pricePerEpisodePence)));
                    }
                }
                case OUTCOME_BASED -> {
                    if (g.kind() == EpisodeActivity.Kind.COMPLETED) {
                        lines.add(Line.of(
                                Item.COMPLETIONS,
                                g.version(),
                                g.provider(),
                                commissioner,
                                g.provider(),
                                n,
                                orZero(terms.pricePerCompletionPence)));
                    } else if (g.kind() == EpisodeActivity.Kind.RESPONDER) {
                        lines.add(Line.of(
                                Item.RESPONDERS,
                                g.version(),
                                g.provider(),
                                commissioner,
                                g.provider(),
                                n,
                                orZero(terms.pricePerResponderPence)));
                    }
                }
                case PRIME_SUB_CONTRACT -> {
                    if (g.kind() == EpisodeActivity.Kind.STARTED) {
                        String prime = terms.primeContractorId == null ? "prime contractor" : terms.primeContractorId;
                        Line reimbursed = Line.of(
                                Item.PRIME_REIMBURSEMENT,
                                g.version(),
                                g.provider(),
                                commissioner,
                                prime,
                                n,
                                orZero(terms.pricePerEpisodePence));
                        Line subContracted = Line.of(
                                Item.SUB_CONTRACT_PAYMENT,
                                g.version(),
                                g.provider(),
                                prime,
                                g.provider(),
                                n,
                                terms.subContractPricePence());
                        lines.add(reimbursed);
                        lines.add(subContracted);
                        primeCarries += subContracted.amountPence() - reimbursed.amountPence();
                    }
                }
            }
        }
        long pays = lines.stream()
                .filter(l -> commissioner.equals(l.payer()))
                .mapToLong(Line::amountPence)
                .reduce(0, Math::addExact);
        return new Statement(contract.id, contract.commissionerIcb, month, List.copyOf(lines), pays, primeCarries);
    }

    /**
     * A block contract's instalment for the month: its version in force on the month's last day (or else the
     * latest in force during the month) pays its period's amount in equal monthly instalments, the period's last
     * month taking what integer division leaves over.
     */
    static Optional<Line> blockInstalment(Contract contract, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        Optional<ContractVersion> terms = contract.versionOn(last)
                .or(() -> contract.versions.stream()
                        .filter(v -> v.overlaps(first, last))
                        .max(Comparator.comparing(v -> v.validFrom)));
        return terms.filter(v -> v.paymentModel == PaymentModel.BLOCK && v.blockAmountPence != null)
                .map(v -> {
                    int months = v.capPeriod.months();
                    long base = v.blockAmountPence / months;
                    boolean lastOfPeriod = v.capPeriod.containing(first).end().equals(last);
                    long instalment = lastOfPeriod ? v.blockAmountPence - base * (months - 1) : base;
                    String payee =
                            v.anyQualifiedProvider() ? "any qualified provider" : String.join("+", v.providerIds());
                    return Line.of(
                            Item.BLOCK_INSTALMENT,
                            v.version,
                            null,
                            commissioner(contract.commissionerIcb),
                            payee,
                            1,
                            instalment);
                });
    }

    /** Whether two statements of one month say the same: the same lines and totals. */
    public boolean sameFiguresAs(Statement other) {
        return Objects.equals(lines, other.lines)
                && commissionerPaysPence == other.commissionerPaysPence
                && primeCarriesPence == other.primeCarriesPence;
    }

    private static long orZero(Long pence) {
        return pence == null ? 0 : pence;
    }
}
