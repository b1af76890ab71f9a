package uk.nhs.pathways.contract.terms.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import uk.nhs.pathways.events.FundingCoverage;
import uk.nhs.pathways.platform.problem.ProblemException;

/**
 * A commissioner's contract for ESCAPE-pain: its terms are versions (the original and each amendment), in
 * force one after another and never on the same day.
 */
@Entity
public class Contract extends PanacheEntityBase {

    @Id
    public String id;

    /** ODS code of the commissioning ICB. */
    @Column(name = "commissioner_icb")
    public String commissionerIcb;

    @OneToMany(mappedBy = "contract", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("version")
    public List<ContractVersion> versions = new ArrayList<>();

    /** The version in force on the day, if any. */
    public Optional<ContractVersion> versionOn(LocalDate day) {
        return versions.stream().filter(v -> v.inForceOn(day)).findFirst();
    }

    public Optional<ContractVersion> version(int number) {
        return versions.stream().filter(v -> v.version == number).findFirst();
    }

    /** The version in force on the day, or else the latest: the terms a reader most likely means. */
    public ContractVersion current(LocalDate today) {
        return versionOn(today).orElseGet(versions::getLast);
    }

    /** Its first day. */
    public LocalDate validFrom() {
        return versions.stream()
                .map(v -> v.validFrom)
                .min(Comparator.naturalOrder())
                .orElseThrow();
    }

    /** Its last day; null while a version is open-ended. */
    public LocalDate validTo() {
        ContractVersion last =
                versions.stream().max(Comparator.comparing(v -> v.validFrom)).orElseThrow();
        return last.validTo;
    }

    /** Every provider any of its versions names (null in the set: any qualified provider). */
    public Set<String> providersNamed() {
        Set<String> providers = new LinkedHashSet<>();
        for (ContractVersion v : versions) {
            if (v.anyQualifiedProvider()) {
                providers.add(null);
            } else {
                providers.addAll(v.providerIds());
            }
        }
        return providers;
    }

    /**
     * Adds a version of its terms. Versions never overlap: one that would is refused, naming the field, unless
     * {@code supersede} says the version in force on its first day ends the day before (an amendment of
     * open-ended or longer terms). All versions count their caps over the same kind of period.
     */
    public ContractVersion amend(ContractVersion next, boolean supersede) {
        if (next.validTo != null && next.validTo.isBefore(next.validFrom)) {
            throw ProblemException.badField("validTo", "must not be before validFrom");
        }
        for (ContractVersion v : versions) {
            if (v.capPeriod != next.capPeriod) {
                throw ProblemException.badField(
                        "capPeriod",
                        "must be " + v.capPeriod + ", as in version " + v.version
                                + ": a contract counts its caps over one kind of period");
            }
        }
        ContractVersion superseded = null;
        if (supersede) {
            superseded = versionOn(next.validFrom)
                    .filter(v -> v.validFrom.isBefore(next.validFrom))
                    .orElseThrow(() -> ProblemException.badField(
                            "supersede", "no version that began before validFrom is in force on it"));
        }
        for (ContractVersion v : versions) {
            LocalDate to = v == superseded ? next.validFrom.minusDays(1) : v.validTo;
            boolean overlaps = (to == null || !next.validFrom.isAfter(to))
                    && (next.validTo == null || !next.validTo.isBefore(v.validFrom));
            if (overlaps) {
                String field = v.inForceOn(next.validFrom) ? "validFrom" : "validTo";
                throw ProblemException.badField(
                        field,
                        "overlaps version " + v.version + " (" + v.validFrom + " to "
                                + (v.validTo == null ? "open-ended" : v.validTo)
                                + "): versions of a contract never overlap");
            }
        }
        if (superseded != null) {
            superseded.validTo = next.validFrom.minusDays(1);
        }
        next.contractId = id;
        next.contract = this;
        next.version = versions.stream().mapToInt(v -> v.version).max().orElse(0) + 1;
        versions.add(next);
        return next;
    }

    /**
     * Ends the contract after {@code lastDay}: the version in force then ends that day. A version that starts
     * later is refused (naming {@code lastDay}); so is a day before the contract starts (delete it instead).
     *
     * @return whether anything changed (ending it again on the same day changes nothing)
     */
    public boolean end(LocalDate lastDay) {
        if (lastDay.isBefore(validFrom())) {
            throw ProblemException.badField(
                    "lastDay", "is before the contract starts (" + validFrom() + "); delete a contract never in force");
        }
        for (ContractVersion v : versions) {
            if (v.validFrom.isAfter(lastDay)) {
                throw ProblemException.badField(
                        "lastDay", "version " + v.version + " starts on " + v.validFrom + ", after it");
            }
        }
        boolean changed = false;
        for (ContractVersion v : versions) {
            if (v.validTo == null || v.validTo.isAfter(lastDay)) {
                v.validTo = lastDay;
                changed = true;
            }
        }
        return changed;
    }

    /**
     * The full coverage of one commissioner and provider (null: any qualified provider) from the versions of
     * its contracts: a period per version that covers the pair at every site of the provider, earliest first;
     * empty when none is left (a tombstone on the topic). A version naming sites is left out: the coverage
     * event cannot say which sites, and it must never promise funding a decision would refuse.
     */
    public static Optional<FundingCoverage> coverage(
            String commissionerIcb, String providerId, List<ContractVersion> ofTheIcb) {
        List<FundingCoverage.Period> periods = ofTheIcb.stream()
                .filter(v -> commissionerIcb.equals(v.commissionerIcb()))
                .filter(v -> providerId == null
                        ? v.anyQualifiedProvider()
                        : v.providerIds().contains(providerId))
                .filter(v -> !v.namesSites())
                .sorted(Comparator.comparing((ContractVersion v) -> v.validFrom)
                        .thenComparing(v -> v.contractId)
                        .thenComparing(v -> v.version))
                .map(ContractVersion::coverPeriod)
                .toList();
        return periods.isEmpty()
                ? Optional.empty()
                : Optional.of(new FundingCoverage(commissionerIcb, providerId, periods));
    }
}
