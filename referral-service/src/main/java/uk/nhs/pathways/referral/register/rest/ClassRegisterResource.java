package uk.nhs.pathways.referral.register.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit;
import uk.nhs.pathways.referral.register.service.AttendanceRegister;

@Path("/classes/{classId}/register")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance register", description = "The provider's register of a booked person's course")
public class ClassRegisterResource {

    @Inject
    AttendanceRegister register;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "The register of one of your classes: who is in it, and what is recorded at each session",
            description = "Provider only, for its own class (404 otherwise, or for a class this service does not "
                    + "know yet). Every session of the class's schedule with its date and whether it was cancelled "
                    + "for the class; everyone booked in the class, on its course there, or whose course there has "
                    + "ended, by name, with each session's entry (null: nothing recorded). Record an entry with PUT "
                    + "/referrals/{id}/course/sessions/{n}. Each person listed is an audited read.")
    @APIResponse(responseCode = "200", description = "The class's register")
    @APIResponse(responseCode = "404", description = "Not a class of yours")
    public ClassRegisterView get(@PathParam("classId") String classId) {
        return ClassRegisterView.of(register.classRegister(
                classId, new PatientDataAudit.Actor(caller.user(), Roles.PROVIDER, caller.requireOrganisation())));
    }
}
