package uk.nhs.pathways.sitedirectory.site.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.Joint;

/**
 * The programme a site runs and a class follows: ESCAPE-pain for some joints over some sessions. Sites
 * and classes store the joints the same way, as "KNEE,HIP", which the search matches with position().
 */
public final class Programmes {

    /** The standard course: 12 sessions over 6 weeks. */
    public static final int STANDARD_SESSIONS = 12;

    private Programmes() {}

    public static List<Joint> parse(String stored) {
        return Arrays.stream(stored.split(",")).map(Joint::valueOf).sorted().toList();
    }

    public static String store(List<Joint> joints) {
        return joints.stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** A course shorter than the standard 12 sessions: shown as such, never hidden. */
    public static boolean isReducedVariant(int sessions) {
        return sessions < STANDARD_SESSIONS;
    }
}
