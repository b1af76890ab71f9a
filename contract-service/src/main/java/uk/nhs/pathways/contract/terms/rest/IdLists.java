package uk.nhs.pathways.contract.terms.rest;

import java.util.List;
import java.util.regex.Pattern;
import uk.nhs.pathways.platform.problem.ProblemException;

/** Lists of provider or site ids in a request: each one checked, and a bad one named by its index. */
public final class IdLists {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    private IdLists() {}

    /** Refuses the first id of the list that is not 1-64 letters, digits and dashes, as {@code field[i]}. */
    public static void check(String field, List<String> ids) {
        if (ids == null) {
            return;
        }
        for (int i = 0; i < ids.size(); i++) {
            if (ids.get(i) == null || !ID.matcher(ids.get(i)).matches()) {
                throw ProblemException.badField(field + "[" + i + "]", "1-64 letters, digits and dashes");
            }
        }
    }
}
