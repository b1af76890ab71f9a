package uk.nhs.pathways.sitedirectory.site.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import uk.nhs.pathways.events.SiteStatus;

/** One entry of a site's status history: from {@code effectiveOn} the site was {@code status}. Never changed. */
@Entity
@Table(name = "site_status_change")
public class SiteStatusChange extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "site_id")
    public String siteId;

    @Enumerated(EnumType.STRING)
    public SiteStatus status;

    @Column(name = "effective_on")
    public LocalDate effectiveOn;

    @Column(name = "recorded_at")
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by")
    public String recordedBy;
}
