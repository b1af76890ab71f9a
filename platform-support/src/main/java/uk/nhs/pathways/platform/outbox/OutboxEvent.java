package uk.nhs.pathways.platform.outbox;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One event waiting to be (or already) relayed to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(insertable = false, updatable = false)
    public Long seq;

    public String topic;

    @Column(name = "event_key")
    public String key;

    public String type;

    public String subject;

    @Column(name = "data_schema")
    public String dataSchema;

    @Column(name = "occurred_at")
    public OffsetDateTime occurredAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public String payload;

    /** This event's place among its aggregate's events on its topic: 1, 2, 3... (null without a key). */
    @Column(name = "aggregate_sequence")
    public Long aggregateSequence;

    /** A deletion: sent as a record with this key and no value. */
    public boolean tombstone;

    /** A record that is not a platform event (a dead letter): its value as received. */
    @Column(name = "raw_value")
    public byte[] rawValue;

    /** The headers of such a record, as {@link RecordHeadersJson} writes them; null for platform events. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw_headers")
    public String rawHeaders;

    @Column(name = "published_at")
    public OffsetDateTime publishedAt;
}
