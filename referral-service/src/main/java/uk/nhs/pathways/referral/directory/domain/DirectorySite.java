package uk.nhs.pathways.referral.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Set;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;

/** This service's copy of a site in the site directory, kept current from the sites topic; routing reads it. */
@Entity
@Table(name = "directory_site")
public class DirectorySite extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public String siteId;

    public String name;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "provider_name")
    public String providerName;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_type")
    public ProviderType providerType;

    @Enumerated(EnumType.STRING)
    public Setting setting;

    public String postcode;

    public double latitude;

    public double longitude;

    /** "KNEE,HIP". */
    public String programmes;

    public int sessions;

    /** What the site offers people who need it: "STEP_FREE_ACCESS,HEARING_LOOP"; empty when unknown. */
    public String accessibility = "";

    @Enumerated(EnumType.STRING)
    public SiteStatus status;

    /** When this copy last changed. */
    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** The site as its latest full-state event describes it. */
    public static DirectorySite copyOf(SiteUpdated site, OffsetDateTime at) {
        DirectorySite copy = new DirectorySite();
        copy.siteId = site.siteId();
        copy.name = site.name();
        copy.providerId = site.providerId();
        copy.providerName = site.providerName();
        copy.providerType = site.providerType();
        copy.setting = site.setting();
        copy.postcode = site.postcode();
        copy.latitude = site.latitude();
        copy.longitude = site.longitude();
        copy.programmes = Names.join(site.programmes());
        copy.sessions = site.sessions();
        copy.status = site.status();
        copy.accessibility = site.accessibility() == null ? "" : Names.join(site.accessibility());
        copy.updatedAt = at;
        return copy;
    }

    /** Whether the site offers everything the person needs. */
    public boolean offers(Collection<AccessibilityFeature> needs) {
        return needs.stream().allMatch(n -> Names.contains(accessibility, n));
    }

    public Set<AccessibilityFeature> accessibilityFeatures() {
        return Names.parse(accessibility, AccessibilityFeature.class);
    }

    public boolean runs(Joint joint) {
        return Names.contains(programmes, joint);
    }

    /** Only an ACTIVE site receives referrals, and only for a joint its programme covers. */
    public boolean takesReferralsFor(Joint joint) {
        return status == SiteStatus.ACTIVE && runs(joint);
    }
}
