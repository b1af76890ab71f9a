package uk.nhs.pathways.outcomes.practice.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A demonstration grouping of GP practices into primary care networks. The bundled reference data has
 * no practice-to-PCN list, so within each sub-ICB location the practices, in ODS-code order, are cut
 * into consecutive groups of about {@value #TARGET_SIZE} (as even as possible), named
 * {@code PCN-<sub-ICB code>-<n>}. Deterministic: the same practices always give the same networks. Not
 * the real networks: reports and the README say so.
 */
public final class PcnGrouping {

    /** Practices per network aimed at: real PCNs cover 30,000-50,000 patients, typically 4-8 practices. */
    public static final int TARGET_SIZE = 6;

    private PcnGrouping() {}

    /**
     * @param subIcbByPractice every practice's sub-ICB location (ODS codes)
     * @return every practice's network code
     */
    public static Map<String, String> group(Map<String, String> subIcbByPractice) {
        Map<String, List<String>> bySubIcb = new TreeMap<>();
        subIcbByPractice.forEach((practice, subIcb) ->
                bySubIcb.computeIfAbsent(subIcb, s -> new ArrayList<>()).add(practice));
        Map<String, String> pcnByPractice = new HashMap<>(subIcbByPractice.size() * 2);
        bySubIcb.forEach((subIcb, practices) -> {
            practices.sort(null);
            int n = practices.size();
            int groups = Math.max(1, Math.round(n / (float) TARGET_SIZE));
            for (int i = 0; i < n; i++) {
                // Spreads n practices over the groups so their sizes differ by at most one.
                pcnByPractice.put(practices.get(i), "PCN-" + subIcb + "-" + (1 + (long) i * groups / n));
            }
        });
        return pcnByPractice;
    }
}
