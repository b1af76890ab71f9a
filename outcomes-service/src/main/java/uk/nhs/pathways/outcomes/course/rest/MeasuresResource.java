package uk.nhs.pathways.outcomes.course.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.outcomes.course.domain.ResponderThresholds;
import uk.nhs.pathways.platform.security.Roles;

@Path("/measures")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Measures", description = "The outcome measures and the thresholds responders are judged by")
public class MeasuresResource {

    /**
     * @param mcid   the smallest improvement from the first-session baseline that makes a responder
     * @param source where that threshold comes from (docs/outcome-measures.md has the detail)
     */
    public record MeasureDefinition(
            Instrument instrument,
            BigDecimal minimum,
            BigDecimal maximum,
            boolean higherIsBetter,
            BigDecimal mcid,
            String source) {}

    @GET
    @RolesAllowed({Roles.REFERRER, Roles.PROVIDER, Roles.COMMISSIONER, Roles.ANALYST, Roles.ADMIN})
    @Operation(
            summary = "The instruments, their scales and their responder thresholds (MCIDs)",
            description = "Change is measured from the first-session baseline in the direction of benefit; a"
                    + " responder's change is at least the MCID.")
    public List<MeasureDefinition> measures() {
        return ResponderThresholds.all().stream()
                .map(t -> new MeasureDefinition(
                        t.instrument(),
                        t.instrument().minimum(),
                        t.instrument().maximum(),
                        t.instrument().higherIsBetter(),
                        t.mcid(),
                        t.source()))
                .toList();
    }
}
