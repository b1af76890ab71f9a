package uk.nhs.pathways.referral.register.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
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
import uk.nhs.pathways.referral.register.service.SessionCancelled;

@Path("/classes/{classId}/sessions/{n}/cancellation")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance register", description = "The provider's register of a booked person's course")
public class ClassSessionResource {

    @Inject
    AttendanceRegister register;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Cancel session n of one of your classes, for everyone booked",
            description = "Provider only, for its own class (404 otherwise). Recorded as SESSION_CANCELLED on the "
                    + "course of every person booked in the class (not as absences: a cancelled session is not held "
                    + "and counts against nobody), and for anyone whose course begins later. Cancelling it again "
                    + "is 200 and changes nothing.")
    @APIResponse(responseCode = "200", description = "The session is cancelled")
    @APIResponse(responseCode = "400", description = "No such session in the class's schedule")
    @APIResponse(responseCode = "404", description = "Not a class of yours")
    @APIResponse(responseCode = "409", description = "The session is already recorded for someone booked")
    public SessionCancelled cancel(@PathParam("classId") String classId, @PathParam("n") int number) {
        return register.cancelSession(
                classId,
                number,
                new PatientDataAudit.Actor(caller.user(), Roles.PROVIDER, caller.requireOrganisation()));
    }
}
