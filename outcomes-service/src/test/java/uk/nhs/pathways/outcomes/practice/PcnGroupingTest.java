package uk.nhs.pathways.outcomes.practice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.outcomes.practice.domain.PcnGrouping;
import uk.nhs.pathways.platform.geo.ReferenceData;

class PcnGroupingTest {

    @Test
    void practicesOfASubIcbGoInOdsOrderIntoGroupsOfAboutSix() {
        Map<String, String> practices = new HashMap<>();
        for (int i = 13; i >= 1; i--) { // given out of order
            practices.put("P%02d".formatted(i), "15F");
        }
        practices.put("Q01", "99E");
        Map<String, String> pcns = PcnGrouping.group(practices);

        // 13 practices: two networks of 7 and 6, in ODS-code order.
        assertThat(pcns.get("P01")).isEqualTo("PCN-15F-1");
        assertThat(pcns.get("P07")).isEqualTo("PCN-15F-1");
        assertThat(pcns.get("P08")).isEqualTo("PCN-15F-2");
        assertThat(pcns.get("P13")).isEqualTo("PCN-15F-2");
        assertThat(pcns.get("Q01")).isEqualTo("PCN-99E-1");
        assertThat(PcnGrouping.group(practices)).as("deterministic").isEqualTo(pcns);
    }

    @Test
    void everyPracticeInEnglandIsInANetworkOfFourToNinePracticesUnlessItsAreaIsSmaller() {
        Map<String, String> subIcbs = ReferenceData.rows("gp_practices_england.csv").stream()
                .collect(Collectors.toMap(r -> r.get("ods_code"), r -> r.get("sub_icb_ods_code")));
        Map<String, String> pcns = PcnGrouping.group(subIcbs);
        assertThat(pcns).hasSameSizeAs(subIcbs);
        Map<String, Long> sizes =
                pcns.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        Map<String, Long> areaSizes =
                subIcbs.values().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        sizes.forEach((pcn, size) -> {
            String area = pcn.substring(4, pcn.lastIndexOf('-'));
            if (areaSizes.get(area) >= 4) {
                assertThat(size).as(pcn).isBetween(4L, 9L);
            }
        });
        Collection<Long> all = sizes.values();
        assertThat(all.stream().mapToLong(Long::longValue).average().orElse(0)).isBetween(5.0, 7.0);
    }
}
