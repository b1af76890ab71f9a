package uk.nhs.pathways.referral.site.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.Arrays;

/** This service's copy of a directory site: what routing needs, kept current from the sites topic. */
@Entity
@Table(name = "site_view")
public class SiteView extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public String siteId;

    public String name;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "provider_name")
    public String providerName;

    @Column(name = "provider_type")
    public String providerType;

    public String setting;

    public String postcode;

    public double latitude;

    public double longitude;

    /** "KNEE,HIP". */
    public String programmes;

    public int sessions;

    public String status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public boolean runs(String joint) {
        return Arrays.asList(programmes.split(",")).contains(joint);
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
