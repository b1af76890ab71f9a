package uk.nhs.pathways.contract.statements.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * An issued payment statement: immutable (the database refuses to change or delete one). A correction is a new
 * statement of the same contract and month, the next sequence number, naming the one it corrects.
 */
@Entity
@Immutable
@Table(name = "payment_statement")
public class PaymentStatement extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "contract_id")
    public String contractId;

    /** The month's first day. */
    public LocalDate month;

    public int sequence;

    /** The statement this one corrects; null for a month's first. */
    public String corrects;

    @Column(name = "issued_at")
    public OffsetDateTime issuedAt;

    @Column(name = "issued_by")
    public String issuedBy;

    @Column(name = "commissioner_pays_pence")
    public long commissionerPaysPence;

    @Column(name = "prime_carries_pence")
    public long primeCarriesPence;

    /** The statement as issued (its lines and totals), JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    public String body;

    public static String id(String contractId, YearMonth month, int sequence) {
        return contractId + "/" + month + "/" + sequence;
    }

    public YearMonth yearMonth() {
        return YearMonth.from(month);
    }
}
