package uk.nhs.pathways.referral.register.rest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.Attendance;
import uk.nhs.pathways.events.DropOutReason;
import uk.nhs.pathways.events.Instrument;
import uk.nhs.pathways.events.Timepoint;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.security.Caller;
import uk.nhs.pathways.platform.security.Roles;
import uk.nhs.pathways.referral.audit.service.PatientDataAudit;
import uk.nhs.pathways.referral.register.service.AttendanceRegister;

@Path("/referrals/{id}/course")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Attendance register", description = "The provider's register of a booked person's course")
public class CourseResource {

    @Inject
    AttendanceRegister register;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "The register of a referral's course",
            description = "Provider only, for a referral offered to it (404 otherwise, or when the person has not "
                    + "been booked). Every session of the class's schedule with its date and what is recorded, the "
                    + "counts, the outcome once the course ended, and the measures.")
    @APIResponse(responseCode = "200", description = "The register (an audited read)")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you, or no course")
    public CourseView get(@PathParam("id") String id) {
        return CourseView.of(register.read(uuid(id), actor()));
    }

    /** What the register says of the person at one session. */
    public record SessionEntry(
            @NotNull @Schema(description = "ATTENDED, ABSENT or ABSENT_WITH_NOTICE")
            Attendance attendance) {}

    @PUT
    @Path("/sessions/{n}")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Record the person at session n of their class",
            description = "Provider only, for a BOOKED or IN_PROGRESS referral offered to it (404 if not yours). "
                    + "The session's date is the one the class's schedule gives it; a session not yet held is "
                    + "refused. The first ATTENDED starts the course (IN_PROGRESS); the configured number of "
                    + "ABSENT in a row ends it (DROPPED_OUT, or DID_NOT_ATTEND if none attended); a record for "
                    + "every session ends it by the completion share. The same answer again is 200 and changes "
                    + "nothing; a different answer for a recorded session is 409 (not corrected).")
    @APIResponse(responseCode = "200", description = "The register after the entry")
    @APIResponse(
            responseCode = "400",
            description = "No such session in the schedule, not yet held, or SESSION_CANCELLED (use the class's "
                    + "cancellation); problem+json names the field")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you")
    @APIResponse(
            responseCode = "409",
            description = "The person is not booked in a course, the course ended, or the session is recorded "
                    + "with another answer")
    public CourseView recordSession(
            @PathParam("id") String id, @PathParam("n") int number, @Valid @NotNull SessionEntry entry) {
        return CourseView.of(register.recordAttendance(uuid(id), number, entry.attendance(), actor()));
    }

    /** Why the person stopped. */
    public record DropOut(
            @NotNull DropOutReason reasonCode,

            @Size(max = 500)
            @Schema(description = "The provider's own words (needed for OTHER); never sent in an event")
            String reason) {}

    @POST
    @Path("/drop-out")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Record that the person stopped",
            description = "Provider only, for a BOOKED (said so before starting) or IN_PROGRESS referral offered "
                    + "to it. A coded reason (OTHER also the provider's words, which stay in this service); "
                    + "CONSECUTIVE_ABSENCES is the register's own. The course ends DROPPED_OUT; final.")
    @APIResponse(responseCode = "200", description = "Now DROPPED_OUT")
    @APIResponse(responseCode = "400", description = "No reason code, CONSECUTIVE_ABSENCES, or OTHER without words")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you")
    @APIResponse(responseCode = "409", description = "Not BOOKED or IN_PROGRESS")
    public CourseView dropOut(@PathParam("id") String id, @Valid @NotNull DropOut dropOut) {
        return CourseView.of(register.dropOut(uuid(id), dropOut.reasonCode(), dropOut.reason(), actor()));
    }

    /** A patient-reported outcome measure. */
    public record MeasureEntry(
            @NotNull Instrument instrument,
            @NotNull Timepoint timepoint,

            @NotNull @Schema(description = "On the instrument's scale (docs/outcome-measures.md)")
            BigDecimal score,

            @NotNull LocalDate takenOn) {}

    @POST
    @Path("/measures")
    @RolesAllowed(Roles.PROVIDER)
    @Operation(
            summary = "Record a measure of the person's course",
            description = "Provider only, for a referral offered to it whose person is or was booked in a course. "
                    + "One score per instrument and timepoint: the same again is 200 and changes nothing, another "
                    + "is 409. The score must be in the instrument's range; KOOS_PS is for the knee, HOOS_PS the "
                    + "hip; FOLLOW_UP only once the course ended.")
    @APIResponse(responseCode = "200", description = "The register with the measure")
    @APIResponse(
            responseCode = "400",
            description = "Score out of range, instrument for the other joint, taken in the future")
    @APIResponse(responseCode = "404", description = "Not a referral offered to you")
    @APIResponse(
            responseCode = "409",
            description = "Not booked in a course, FOLLOW_UP before the course ended, or another score recorded")
    public CourseView recordMeasure(@PathParam("id") String id, @Valid @NotNull MeasureEntry measure) {
        return CourseView.of(register.recordMeasure(
                uuid(id), measure.instrument(), measure.timepoint(), measure.score(), measure.takenOn(), actor()));
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("referral " + id);
        }
    }

    private PatientDataAudit.Actor actor() {
        return new PatientDataAudit.Actor(caller.user(), Roles.PROVIDER, caller.requireOrganisation());
    }
}
