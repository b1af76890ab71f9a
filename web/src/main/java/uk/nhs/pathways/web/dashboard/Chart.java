package uk.nhs.pathways.web.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * One dashboard chart: its heading, what it shows, its table and the Chart.js configuration drawn from the
 * same numbers (read by assets/pathways.js from a {@code <script type="application/json">} block).
 *
 * @param name the chart's name in its id and in its CSV's path ({@code /dashboard/<name>.csv})
 */
public record Chart(String name, String title, String description, String note, DataTable table, String config) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Colours with at least 3:1 contrast on white (NHS blue, dark green, purple, dark pink, grey, plum); each
     * series also has its own point shape or dash, and its name in the legend and the table.
     */
    static final List<String> COLOURS = List.of("#005eb8", "#007f3b", "#330072", "#8a1538", "#425563", "#7c2855");

    static final List<String> POINTS = List.of("circle", "triangle", "rect", "rectRot", "star", "crossRot");

    public String id() {
        return "chart-" + name;
    }

    /** A Chart.js configuration being built. */
    static final class Spec {
        final ObjectNode root = JSON.createObjectNode();
        final ArrayNode datasets;
        private final String type;

        Spec(String type, List<String> labels, String yTitle, boolean stacked, boolean horizontal) {
            this.type = type;
            root.put("type", type);
            ObjectNode data = root.putObject("data");
            labels.forEach(data.putArray("labels")::add);
            datasets = data.putArray("datasets");
            ObjectNode options = root.putObject("options");
            if (horizontal) {
                options.put("indexAxis", "y");
            }
            ObjectNode scales = options.putObject("scales");
            ObjectNode value = scales.putObject(horizontal ? "x" : "y");
            value.put("beginAtZero", true);
            value.put("stacked", stacked);
            value.putObject("title").put("display", true).put("text", yTitle);
            scales.putObject(horizontal ? "y" : "x").put("stacked", stacked);
            ObjectNode legend = options.putObject("plugins").putObject("legend");
            legend.put("position", "bottom");
            legend.putObject("labels").put("usePointStyle", true);
        }

        Spec series(String label, List<? extends Number> values) {
            int n = datasets.size();
            String colour = COLOURS.get(n % COLOURS.size());
            ObjectNode set = datasets.addObject();
            set.put("label", label);
            ArrayNode data = set.putArray("data");
            values.forEach(v -> {
                if (v == null) {
                    data.addNull();
                } else {
                    data.add(v.doubleValue());
                }
            });
            set.put("borderColor", colour);
            set.put("backgroundColor", colour);
            set.put("pointStyle", POINTS.get(n % POINTS.size()));
            if ("line".equals(type)) {
                set.put("pointRadius", 5);
                set.put("borderWidth", 2);
                if (n % 2 == 1) {
                    set.putArray("borderDash").add(6).add(4);
                }
            }
            return this;
        }

        /** JSON safe inside a script element: no "<" can close it. */
        String json() {
            try {
                return JSON.writeValueAsString(root).replace("<", "\\u003c");
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
