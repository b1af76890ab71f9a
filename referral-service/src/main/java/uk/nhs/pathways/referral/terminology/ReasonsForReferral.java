package uk.nhs.pathways.referral.terminology;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.pathways.events.EventCodec;
import uk.nhs.pathways.events.Joint;

/**
 * The SNOMED CT concepts an FCP may give as the reason for an ESCAPE-pain referral, and the joint each
 * means: the committed value set terminology/knee-hip-osteoarthritis.json (its header says where the ids
 * come from). Matched on concept id only, never on the term.
 */
@ApplicationScoped
public class ReasonsForReferral {

    public static final String SNOMED_CT = "http://snomed.info/sct";

    static final String VALUE_SET = "/terminology/knee-hip-osteoarthritis.json";

    /** The file's shape; fields it has that code does not read are documentation. */
    public record ValueSet(String system, List<Concept> concepts) {}

    public record Concept(String code, String display, Joint joint) {}

    private final Map<String, Concept> byCode;

    public ReasonsForReferral() {
        ValueSet valueSet = load();
        if (!SNOMED_CT.equals(valueSet.system())) {
            throw new IllegalStateException(VALUE_SET + " is not a SNOMED CT value set");
        }
        byCode = valueSet.concepts().stream().collect(Collectors.toUnmodifiableMap(Concept::code, Function.identity()));
    }

    /** The concept with this code in this system, if it is a reason ESCAPE-pain takes. */
    public Optional<Concept> find(String system, String code) {
        return SNOMED_CT.equals(system) ? Optional.ofNullable(byCode.get(code)) : Optional.empty();
    }

    public int size() {
        return byCode.size();
    }

    private static ValueSet load() {
        try (InputStream in = ReasonsForReferral.class.getResourceAsStream(VALUE_SET)) {
            if (in == null) {
                throw new IllegalStateException("no value set " + VALUE_SET);
            }
            return EventCodec.fromJson(in.readAllBytes(), ValueSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
