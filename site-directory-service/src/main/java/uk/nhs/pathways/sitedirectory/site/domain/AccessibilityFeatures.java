package uk.nhs.pathways.sitedirectory.site.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.AccessibilityFeature;

/** A site's accessibility features, stored as "STEP_FREE_ACCESS,ON_SITE_PARKING" ("" for none). */
public final class AccessibilityFeatures {

    private AccessibilityFeatures() {}

    public static List<AccessibilityFeature> parse(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(stored.split(","))
                .map(AccessibilityFeature::valueOf)
                .sorted()
                .toList();
    }

    public static String store(List<AccessibilityFeature> features) {
        return features == null
                ? ""
                : features.stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** In words, for people reading the open directory feed. */
    public static String describe(AccessibilityFeature feature) {
        return switch (feature) {
            case STEP_FREE_ACCESS -> "Step-free access";
            case ACCESSIBLE_TOILET -> "Accessible toilet";
            case HEARING_LOOP -> "Hearing loop";
            case ON_SITE_PARKING -> "On-site parking";
            case NEAR_PUBLIC_TRANSPORT -> "Near public transport";
        };
    }
}
