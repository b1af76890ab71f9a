package uk.nhs.pathways.referral.coverage.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.FundingCoverage;

/**
 * This service's copy of one commissioner's cover for one provider (or any qualified provider), kept
 * equal to the latest record of the compacted coverage topic. Ranking reads it; the funding decision
 * itself is still the contract service's.
 */
@Entity
@Table(name = "funding_coverage")
public class FundingCoverageCopy extends PanacheEntityBase {

    @Id
    @Column(name = "coverage_key")
    public String key;

    @Column(name = "commissioner_icb")
    public String commissionerIcb;

    /** Null: any qualified provider. */
    @Column(name = "provider_id")
    public String providerId;

    /** The periods as the event carries them (JSON). */
    public String periods;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static FundingCoverageCopy copyOf(FundingCoverage coverage, OffsetDateTime at) {
        FundingCoverageCopy copy = new FundingCoverageCopy();
        copy.key = FundingCoverage.key(coverage.commissionerIcb(), coverage.providerId());
        copy.commissionerIcb = coverage.commissionerIcb();
        copy.providerId = coverage.providerId();
        copy.periods = new String(
                EventCodec.toJson(coverage.periods() == null ? List.of() : coverage.periods()),
                java.nio.charset.StandardCharsets.UTF_8);
        copy.updatedAt = at;
        return copy;
    }

    public List<FundingCoverage.Period> periodList() {
        return Arrays.asList(EventCodec.fromJson(
                periods.getBytes(java.nio.charset.StandardCharsets.UTF_8), FundingCoverage.Period[].class));
    }

    /** Everything a commissioner's contracts cover, as ranking asks it. */
    public static Coverage of(String commissionerIcb) {
        if (commissionerIcb == null) {
            return Coverage.NONE;
        }
        return Coverage.of(FundingCoverageCopy.<FundingCoverageCopy>list("commissionerIcb", commissionerIcb).stream()
                .flatMap(c -> c.periodList().stream().map(p -> new Coverage.Cover(c.providerId, p)))
                .toList());
    }
}
