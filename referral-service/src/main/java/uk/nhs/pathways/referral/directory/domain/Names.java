package uk.nhs.pathways.referral.directory.domain;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/** Lists of names (joints, weekdays) as the copies store them in one column: "KNEE,HIP". */
final class Names {

    private Names() {}

    static String join(Collection<? extends Enum<?>> names) {
        return names.stream().map(Enum::name).collect(Collectors.joining(","));
    }

    static boolean contains(String joined, Enum<?> name) {
        return Arrays.asList(joined.split(",")).contains(name.name());
    }
}
