package uk.nhs.pathways.outcomes.directory.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;

/**
 * This service's copy of a site from the directory's compacted sites topic: what an episode's context
 * and the demo history need (setting, provider, where it is), nothing more.
 */
@Entity
@Table(name = "site_copy")
public class SiteCopy extends PanacheEntityBase {

    @Id
    @Column(name = "site_id")
    public String siteId;

    @Column(name = "provider_id")
    public String providerId;

    @Enumerated(EnumType.STRING)
    @Column(name = "provider_type")
    public ProviderType providerType;

    @Enumerated(EnumType.STRING)
    public Setting setting;

    @Enumerated(EnumType.STRING)
    public SiteStatus status;

    /** Sessions per course at the site: 12 is the standard, fewer a reduced variant. */
    public int sessions;

    /** "KNEE,HIP". */
    public String programmes;

    @Column(name = "sub_icb_ods_code")
    public String subIcbOdsCode;

    /** The ICB the site is in (not necessarily that of everyone it serves). */
    public String icb;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public List<Joint> joints() {
        return programmes.isEmpty()
                ? List.of()
                : java.util.Arrays.stream(programmes.split(","))
                        .map(Joint::valueOf)
                        .toList();
    }

    public static String join(List<Joint> joints) {
        return joints == null ? "" : joints.stream().map(Joint::name).collect(Collectors.joining(","));
    }
}
