package uk.nhs.pathways.sitedirectory.site.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;

/** A place where a provider delivers ESCAPE-pain. */
@Entity
public class Site extends PanacheEntityBase {

    @Id
    public String id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "provider_id")
    public Provider provider;

    public String name;

    public String address;

    public String postcode;

    public double latitude;

    public double longitude;

    @Enumerated(EnumType.STRING)
    public Setting setting;

    /** Stored as {@link AccessibilityFeatures} stores them. */
    @Column(name = "accessibility")
    String accessibilityList = "";

    /** Anything more about access, in the provider's words (e.g. which entrance has the ramp). */
    @Column(name = "accessibility_notes")
    public String accessibilityNotes;

    /** Stored as {@link Programmes} stores them. */
    @Column(name = "programmes")
    String programmeList;

    public int sessions;

    @Enumerated(EnumType.STRING)
    public SiteStatus status;

    /** Date the current status took effect; the full history is in {@link SiteStatusChange}. */
    @Column(name = "status_changed_on")
    public LocalDate statusChangedOn;

    /** The sub-ICB location (commissioner's area) the site lies in; null outside England. */
    @Column(name = "sub_icb_ods_code")
    public String subIcbOdsCode;

    @Version
    public long version;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<Joint> programmes() {
        return Programmes.parse(programmeList);
    }

    public void programmes(List<Joint> joints) {
        programmeList = Programmes.store(joints);
    }

    /** What the site offers people who need it. */
    public List<AccessibilityFeature> accessibility() {
        return AccessibilityFeatures.parse(accessibilityList);
    }

    public void accessibility(List<AccessibilityFeature> features) {
        accessibilityList = AccessibilityFeatures.store(features);
    }

    public boolean isReducedVariant() {
        return Programmes.isReducedVariant(sessions);
    }
}
