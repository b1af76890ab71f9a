package uk.nhs.pathways.referral.audit.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;

/** One access to a referral's patient data. Rows are only ever inserted (a database trigger refuses the rest). */
@Entity
@Table(name = "audit_event")
public class AuditEvent extends PanacheEntityBase {

    public enum Action {
        CREATE,
        READ,
        LIST,
        UPDATE
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at", insertable = false, updatable = false)
    public OffsetDateTime occurredAt;

    /** Token subject, or "system:<service>" for changes made on an event. */
    public String actor;

    @Column(name = "actor_role")
    public String actorRole;

    public String organisation;

    @Enumerated(EnumType.STRING)
    public Action action;

    @Column(name = "referral_id")
    public UUID referralId;

    /** What was done, in words; never the patient's details. */
    public String detail;
}
