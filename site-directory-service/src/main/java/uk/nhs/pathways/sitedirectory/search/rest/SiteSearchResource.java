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
import java.util.EnumSet;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.sitedirectory.search.service.DirectorySearch;
import uk.nhs.pathways.sitedirectory.site.rest.SiteResponse;

/**
 * {@code GET /sites}: sites near a postcode. Beside {@code SiteResource} in the API, but in the search
 * feature, which reads sites and classes: neither of those features depends on search.
 */
@Path("/sites")
@Produces(MediaType.APPLICATION_JSON)
public class SiteSearchResource {

    @Inject
    DirectorySearch search;

    @Inject
    Clock clock;

    /** One page of search results, with the total that matched. */
    public record SitePage(List<SiteResponse> items, int page, int size, long total) {}

    @GET
    @Authenticated
    @Tag(name = "Sites")
    @Operation(
            summary = "Sites near a postcode, nearest first, with distances and the total",
            description = "Any signed-in role. Only ACTIVE sites unless includeInactive=true. The class filters (day, "
                    + "startFrom, startTo, freePlaces) keep sites with at least one SCHEDULED class that matches.")
    @APIResponse(
            responseCode = "400",
            description = "Unknown or malformed postcode, or a bad filter (problem+json names it)")
    public SitePage near(
            @QueryParam("postcode") @Parameter(required = true, example = "LS6 2AB") String postcode,
            @QueryParam("within") @DefaultValue("25000") @Min(100) @Max(200_000) @Parameter(description = "metres")
                    long within,
            @QueryParam("programme") @Parameter(description = "KNEE or HIP") String programme,
            @QueryParam("setting") String setting,
            @QueryParam("providerType") String providerType,
            @QueryParam("day") @Parameter(description = "e.g. TUESDAY") String day,
            @QueryParam("startFrom") @Parameter(description = "ISO date") String startFrom,
            @QueryParam("startTo") @Parameter(description = "ISO date") String startTo,
            @QueryParam("freePlaces") @DefaultValue("0") @Min(0) @Max(20) int freePlaces,
            @QueryParam("includeInactive") @DefaultValue("false") boolean includeInactive,
            @QueryParam("page") @DefaultValue("0") @Min(0) @Max(10_000) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        SearchFilters filters = SearchFilters.read(programme, day, startFrom, startTo, setting, providerType);
        if (filters.startFrom() != null) {
            filters.requireStartToNotBefore(filters.startFrom());
        }
        // only the class filters make this a search for sites with such a class
        boolean byClass =
                filters.day() != null || filters.startFrom() != null || filters.startTo() != null || freePlaces > 0;
        var filter = new DirectorySearch.SiteFilter(
                includeInactive ? EnumSet.allOf(SiteStatus.class) : EnumSet.of(SiteStatus.ACTIVE),
                filters.programme(),
                filters.setting(),
                filters.providerType(),
                null,
                null,
                byClass ? filters.classes(filters.from(England.today(clock)), freePlaces, null) : null);
        var found = search.sites(postcode, within, filter, page * size, size);
        return new SitePage(
                found.items().stream()
                        .map(h -> SiteResponse.of(h.item(), h.metres()))
                        .toList(),
                page,
                size,
                found.total());
    }
}
