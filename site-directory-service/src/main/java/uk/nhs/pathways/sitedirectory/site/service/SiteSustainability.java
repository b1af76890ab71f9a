package uk.nhs.pathways.sitedirectory.site.service;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;

/**
 * How many sites keep delivering, as the national programme counts it ("260 active sites of 334 that
 * ever implemented it"): from the status history, as of any date, so a past quarter's figure does not
 * change when a site's status changes later.
 */
@ApplicationScoped
public class SiteSustainability {

    @Inject
    EntityManager entityManager;

    /** Sites per status on a date, and of those that had ever been ACTIVE by then, how many still are. */
    public record Counts(int onboarding, int active, int paused, int ceased, int everDelivered) {

        @JsonProperty("stillDeliveringPercent")
        public double stillDeliveringPercent() {
            return everDelivered == 0 ? 0 : Math.round(1000.0 * active / everDelivered) / 10.0;
        }

        Counts plus(SiteStatus status, boolean everActive, int n) {
            return new Counts(
                    onboarding + (status == SiteStatus.ONBOARDING ? n : 0),
                    active + (status == SiteStatus.ACTIVE ? n : 0),
                    paused + (status == SiteStatus.PAUSED ? n : 0),
                    ceased + (status == SiteStatus.CEASED ? n : 0),
                    everDelivered + (everActive ? n : 0));
        }

        static final Counts NONE = new Counts(0, 0, 0, 0, 0);
    }

    public record Report(
            LocalDate asOf,
            String icb,
            Counts all,
            Map<ProviderType, Counts> byProviderType,
            Map<Setting, Counts> bySetting,
            Map<String, Counts> byIcb) {}

    /** @param icb only sites in this ICB's area, or every site when null */
    public Report asOf(LocalDate asOf, String icb) {
        Query query = entityManager
                .createNativeQuery("""
                with state as (
                    select distinct on (h.site_id) h.site_id, h.status
                    from site_status_change h where h.effective_on <= :asOf
                    order by h.site_id, h.effective_on desc, h.id desc),
                ever as (
                    select distinct site_id from site_status_change where status = :active and effective_on <= :asOf)
                select st.status, e.site_id is not null, p.type, s.setting, coalesce(l.icb_ods_code, '-'), count(*)
                from state st
                join site s on s.id = st.site_id
                join provider p on p.id = s.provider_id
                left join ever e on e.site_id = st.site_id
                left join sub_icb_location l on l.ods_code = s.sub_icb_ods_code
                where (cast(:icb as text) is null or l.icb_ods_code = :icb)
                group by 1, 2, 3, 4, 5""")
                .setParameter("active", SiteStatus.ACTIVE.name())
                .setParameter("asOf", asOf)
                .setParameter("icb", icb);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<Row> parsed = new ArrayList<>(rows.size());
        for (Object[] r : rows) {
            parsed.add(new Row(
                    SiteStatus.valueOf((String) r[0]),
                    (Boolean) r[1],
                    ProviderType.valueOf((String) r[2]),
                    Setting.valueOf((String) r[3]),
                    (String) r[4],
                    ((Number) r[5]).intValue()));
        }
        Counts all = Counts.NONE;
        for (Row row : parsed) {
            all = all.plus(row.status, row.everActive, row.n);
        }
        return new Report(
                asOf,
                icb,
                all,
                group(parsed, Row::type, new EnumMap<>(ProviderType.class)),
                group(parsed, Row::setting, new EnumMap<>(Setting.class)),
                group(parsed, Row::icb, new TreeMap<>()));
    }

    private record Row(SiteStatus status, boolean everActive, ProviderType type, Setting setting, String icb, int n) {}

    private static <K> Map<K, Counts> group(List<Row> rows, Function<Row, K> key, Map<K, Counts> into) {
        for (Row row : rows) {
            into.merge(
                    key.apply(row),
                    Counts.NONE.plus(row.status, row.everActive, row.n),
                    (a, b) -> new Counts(
                            a.onboarding + b.onboarding,
                            a.active + b.active,
                            a.paused + b.paused,
                            a.ceased + b.ceased,
                            a.everDelivered + b.everDelivered));
        }
        return into;
    }
}
