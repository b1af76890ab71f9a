package uk.nhs.pathways.sitedirectory.search.rest;

import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.sitedirectory.cohort.rest.ClassResponse;
import uk.nhs.pathways.sitedirectory.rest.QueryParams;
import uk.nhs.pathways.sitedirectory.search.service.DirectorySearch;

/**
 * {@code GET /classes}: classes near a postcode. Beside {@code ClassResource} in the API, but in the
 * search feature, which reads sites and classes: neither of those features depends on search.
 */
@Path("/classes")
@Produces(MediaType.APPLICATION_JSON)
public class ClassSearchResource {

    @Inject
    DirectorySearch search;

    @Inject
    Clock clock;

    /** One page of search results, with the total that matched. */
    @Schema(name = "ClassPage")
    public record ClassPage(List<ClassResponse> items, int page, int size, long total) {}

    @GET
    @Authenticated
    @Tag(name = "Classes")
    @Operation(
            summary = "Classes near a postcode, nearest first (then soonest), with distances and the total",
            description = "Any signed-in role. Classes at ACTIVE sites only; SCHEDULED classes starting from today "
                    + "unless status or startFrom say otherwise.")
    @APIResponse(
            responseCode = "400",
            description = "Unknown or malformed postcode, or a bad filter (problem+json names it)")
    public ClassPage near(
            @QueryParam("postcode") @Parameter(required = true, example = "LS6 2AB") String postcode,
            @QueryParam("within") @DefaultValue("25000") @Min(100) @Max(200_000) @Parameter(description = "metres")
                    long within,
            @QueryParam("programme") @Parameter(description = "KNEE or HIP") String programme,
            @QueryParam("setting") String setting,
            @QueryParam("providerType") String providerType,
            @QueryParam("day") @Parameter(description = "meets on this weekday, e.g. TUESDAY") String day,
            @QueryParam("startFrom") @Parameter(description = "ISO date; today if omitted") String startFrom,
            @QueryParam("startTo") @Parameter(description = "ISO date") String startTo,
            @QueryParam("freePlaces")
                    @DefaultValue("0")
                    @Min(0)
                    @Max(20)
                    @Parameter(description = "at least this many places free")
                    int freePlaces,
            @QueryParam("status") @Parameter(description = "SCHEDULED if omitted") String status,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        SearchFilters filters = SearchFilters.read(programme, day, startFrom, startTo, setting, providerType);
        LocalDate from = filters.from(England.today(clock));
        filters.requireStartToNotBefore(from);
        var classes = filters.classes(from, freePlaces, QueryParams.enumValue(ClassStatus.class, status, "status"));
        var found =
                search.classes(postcode, within, filters.setting(), filters.providerType(), classes, page * size, size);
        return new ClassPage(
                found.items().stream()
                        .map(h -> ClassResponse.of(h.item(), h.metres()))
                        .toList(),
                page,
                size,
                found.total());
    }
}
