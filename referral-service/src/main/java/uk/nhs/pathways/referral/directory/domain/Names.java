package uk.nhs.pathways.referral.directory.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/** Lists of names (joints, weekdays) as the copies store them in one column: "KNEE,HIP". */
public final class Names {

    private Names() {}

    public static String join(Collection<? extends Enum<?>> names) {
        return names.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    public static boolean contains(String joined, Enum<?> name) {
        return joined != null && Arrays.asList(joined.split(",")).contains(name.name());
    }

    /** The names in a joined list; empty for null or "". */
    public static <E extends Enum<E>> Set<E> parse(String joined, Class<E> type) {
        Set<E> names = EnumSet.noneOf(type);
        if (joined != null && !joined.isBlank()) {
            for (String name : joined.split(",")) {
                names.add(Enum.valueOf(type, name.trim()));
            }
        }
        return names;
    }
}
