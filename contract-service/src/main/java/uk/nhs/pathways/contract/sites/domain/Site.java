package uk.nhs.pathways.contract.sites.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.platform.geo.Location;

/** This service's copy of a directory site (pathways.sites.v1): where it is, whose, what it runs. */
@Entity
public class Site extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public String siteId;

    @Column(name = "provider_id")
    public String providerId;

    public String name;

    public String postcode;

    public double latitude;

    public double longitude;

    /** Comma-separated joints its programme covers. */
    @Column(name = "programmes")
    String programmeList;

    /** Sessions per course at the site. */
    public int sessions;

    @Enumerated(EnumType.STRING)
    public SiteStatus status;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    /** Takes the site's full state from its latest event. */
    public void update(SiteUpdated s, OffsetDateTime at) {
        siteId = s.siteId();
        providerId = s.providerId();
        name = s.name();
        postcode = s.postcode();
        latitude = s.latitude();
        longitude = s.longitude();
        programmes(s.programmes());
        sessions = s.sessions();
        status = s.status();
        updatedAt = at;
    }

    public Location location() {
        return new Location(latitude, longitude);
    }

    public Set<Joint> programmes() {
        EnumSet<Joint> joints = EnumSet.noneOf(Joint.class);
        if (!programmeList.isEmpty()) {
            Arrays.stream(programmeList.split(",")).map(Joint::valueOf).forEach(joints::add);
        }
        return joints;
    }

    void programmes(Collection<Joint> joints) {
        programmeList = joints == null || joints.isEmpty()
                ? ""
                : EnumSet.copyOf(joints).stream().map(Joint::name).collect(Collectors.joining(","));
    }
}
