package uk.nhs.pathways.referral.lifecycle.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import uk.nhs.pathways.referral.routing.domain.RankedClass;

/** One class of the ranking behind a referral's current route (rank 1: the class chosen), and why. */
@Entity
@Table(name = "referral_candidate")
public class CandidateRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "referral_id")
    public UUID referralId;

    public int rank;

    @Column(name = "class_id")
    public String classId;

    @Column(name = "site_id")
    public String siteId;

    @Column(name = "site_name")
    public String siteName;

    @Column(name = "provider_id")
    public String providerId;

    @Column(name = "provider_name")
    public String providerName;

    @Column(name = "start_date")
    public LocalDate startDate;

    public String days;

    @Column(name = "start_time")
    public LocalTime startTime;

    public int sessions;

    @Column(name = "distance_metres")
    public long distanceMetres;

    public boolean funded;

    /** The preferences it met, one per line. */
    @Column(name = "preferences_met")
    public String preferencesMet;

    @Column(name = "ranked_at")
    public OffsetDateTime rankedAt;

    public static CandidateRecord of(UUID referralId, RankedClass ranked, OffsetDateTime at) {
        CandidateRecord record = new CandidateRecord();
        record.referralId = referralId;
        record.rank = ranked.rank();
        record.classId = ranked.classId();
        record.siteId = ranked.siteId();
        record.siteName = ranked.siteName();
        record.providerId = ranked.providerId();
        record.providerName = ranked.providerName();
        record.startDate = ranked.startDate();
        record.days = ranked.days().stream().map(Enum::name).collect(Collectors.joining(","));
        record.startTime = ranked.startTime();
        record.sessions = ranked.sessions();
        record.distanceMetres = ranked.distanceMetres();
        record.funded = ranked.funded();
        record.preferencesMet = String.join("\n", ranked.preferencesMet());
        record.rankedAt = at;
        return record;
    }

    public RankedClass ranked() {
        return new RankedClass(
                rank,
                classId,
                siteId,
                siteName,
                providerId,
                providerName,
                startDate,
                Arrays.stream(days.split(",")).map(DayOfWeek::valueOf).toList(),
                startTime,
                sessions,
                distanceMetres,
                funded,
                preferencesMet.isEmpty() ? List.of() : List.of(preferencesMet.split("\n")));
    }
}
