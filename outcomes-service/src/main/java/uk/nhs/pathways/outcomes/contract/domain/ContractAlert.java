package uk.nhs.pathways.outcomes.contract.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Objects;
import uk.nhs.pathways.events.UtilisationMeasure;

/**
 * A contract's cap in a period that reached a threshold, as contract-service announced it: the
 * commissioning ICB's own contract figures (episodes or pence), never anyone's personal data.
 */
@Entity
@Table(name = "contract_alert")
@IdClass(ContractAlert.Key.class)
public class ContractAlert {

    /** What makes an alert one alert: contract-service announces each of these once. */
    public static class Key implements Serializable {
        public String contractId;
        public LocalDate periodStart;
        public UtilisationMeasure measure;
        public int thresholdPercent;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k
                    && k.thresholdPercent == thresholdPercent
                    && k.measure == measure
                    && Objects.equals(k.contractId, contractId)
                    && Objects.equals(k.periodStart, periodStart);
        }

        @Override
        public int hashCode() {
            return Objects.hash(contractId, periodStart, measure, thresholdPercent);
        }
    }

    @Id
    @Column(name = "contract_id")
    public String contractId;

    @Id
    @Column(name = "period_start")
    public LocalDate periodStart;

    @Id
    @Enumerated(EnumType.STRING)
    public UtilisationMeasure measure;

    @Id
    @Column(name = "threshold_percent")
    public int thresholdPercent;

    @Column(name = "commissioner_icb")
    public String commissionerIcb;

    /** The period's last day, included. */
    @Column(name = "period_end")
    public LocalDate periodEnd;

    public long cap;

    public long committed;

    public long used;

    @Column(name = "reached_at")
    public OffsetDateTime reachedAt;

    @Column(name = "received_at")
    public OffsetDateTime receivedAt;
}
