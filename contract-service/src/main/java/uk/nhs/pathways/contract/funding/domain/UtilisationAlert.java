package uk.nhs.pathways.contract.funding.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

/** A threshold of a cap reached in a period, announced once: the record that it was. */
@Entity
@Table(name = "utilisation_alert")
@IdClass(UtilisationAlert.Key.class)
public class UtilisationAlert extends PanacheEntityBase {

    public static class Key implements Serializable {
        public String contractId;
        public LocalDate periodStart;
        public UtilisationMeasure measure;
        public int thresholdPercent;

        public Key() {}

        public Key(String contractId, LocalDate periodStart, UtilisationMeasure measure, int thresholdPercent) {
            this.contractId = contractId;
            this.periodStart = periodStart;
            this.measure = measure;
            this.thresholdPercent = thresholdPercent;
        }

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

    @Column(name = "reached_at")
    public OffsetDateTime reachedAt;
}
