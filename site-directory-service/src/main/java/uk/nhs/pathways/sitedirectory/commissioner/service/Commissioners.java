package uk.nhs.pathways.sitedirectory.commissioner.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import uk.nhs.pathways.platform.geo.ReferenceData;
import uk.nhs.pathways.sitedirectory.commissioner.domain.Icb;
import uk.nhs.pathways.sitedirectory.commissioner.domain.SubIcbLocation;

/**
 * The commissioners: every ICB of England with its sub-ICB locations, from the bundled NHS ODS
 * reference data. Upserted at every start, so a newer reference file updates names and adds
 * organisations without a migration; nothing is ever deleted (sites keep pointing at old codes).
 */
@ApplicationScoped
public class Commissioners {

    private static final Logger LOG = Logger.getLogger(Commissioners.class);

    @Inject
    EntityManager entityManager;

    /** Runs before the demo directory (default priority), which places sites in commissioners' areas. */
    @Transactional
    void onStart(@Observes @Priority(10) StartupEvent ignored) {
        int icbs = 0;
        for (Map<String, String> row : ReferenceData.rows("icbs.csv")) {
            icbs += entityManager
                    .createNativeQuery("""
                            insert into icb (ods_code, ons_code, name, region_ods_code, region_name)
                            values (:ods, :ons, :name, :regionOds, :regionName)
                            on conflict (ods_code) do update set ons_code = excluded.ons_code, name = excluded.name,
                                region_ods_code = excluded.region_ods_code, region_name = excluded.region_name""")
                    .setParameter("ods", row.get("icb_ods_code"))
                    .setParameter("ons", row.get("icb_ons_code"))
                    .setParameter("name", row.get("icb_name"))
                    .setParameter("regionOds", row.get("nhs_region_ods_code"))
                    .setParameter("regionName", row.get("nhs_region_name"))
                    .executeUpdate();
        }
        int subIcbs = 0;
        for (Map<String, String> row : ReferenceData.rows("sub_icb_locations.csv")) {
            subIcbs += entityManager
                    .createNativeQuery("""
                            insert into sub_icb_location (ods_code, ons_code, name, icb_ods_code)
                            values (:ods, :ons, :name, :icb)
                            on conflict (ods_code) do update set ons_code = excluded.ons_code, name = excluded.name,
                                icb_ods_code = excluded.icb_ods_code""")
                    .setParameter("ods", row.get("sub_icb_ods_code"))
                    .setParameter("ons", row.get("sub_icb_ons_code"))
                    .setParameter("name", row.get("sub_icb_name"))
                    .setParameter("icb", row.get("icb_ods_code"))
                    .executeUpdate();
        }
        LOG.debugf("Commissioner reference data: %d ICBs, %d sub-ICB locations", icbs, subIcbs);
    }

    /** An ICB with its sub-ICB locations. */
    public record IcbWithLocations(Icb icb, List<SubIcbLocation> subIcbLocations) {}

    public List<IcbWithLocations> all() {
        List<SubIcbLocation> locations = SubIcbLocation.list("order by name");
        return Icb.<Icb>list("order by name").stream()
                .map(icb -> new IcbWithLocations(
                        icb,
                        locations.stream()
                                .filter(l -> l.icbOdsCode.equals(icb.odsCode))
                                .toList()))
                .toList();
    }

    public Optional<IcbWithLocations> icb(String odsCode) {
        return Icb.<Icb>findByIdOptional(odsCode)
                .map(icb ->
                        new IcbWithLocations(icb, SubIcbLocation.list("icbOdsCode = ?1 order by name", icb.odsCode)));
    }
}
