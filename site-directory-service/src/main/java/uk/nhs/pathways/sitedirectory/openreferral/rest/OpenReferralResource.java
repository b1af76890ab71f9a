package uk.nhs.pathways.sitedirectory.openreferral.rest;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import uk.nhs.pathways.events.AccessibilityFeature;
import uk.nhs.pathways.events.ClassStatus;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.time.England;
import uk.nhs.pathways.sitedirectory.cohort.domain.Cohort;
import uk.nhs.pathways.sitedirectory.cohort.service.Classes;
import uk.nhs.pathways.sitedirectory.search.service.DirectorySearch;
import uk.nhs.pathways.sitedirectory.site.domain.AccessibilityFeatures;
import uk.nhs.pathways.sitedirectory.site.domain.Provider;
import uk.nhs.pathways.sitedirectory.site.domain.Site;
import uk.nhs.pathways.sitedirectory.site.service.SiteDirectory;

/**
 * The open directory feed: the directory's sites as Open Referral UK (HSDS 3.0) services, so any
 * council, ICS or charity directory can list where ESCAPE-pain runs. Read-only and public, as the
 * standard expects: no token is asked for (and none is looked at). Each listed site is one service,
 * with one location and one service_at_location, all three with the site's id; its organisation's id
 * is a name-based UUID of the provider's id; each class still to come is a weekly schedule.
 */
@Path("/")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
@Tag(
        name = "Open Referral UK feed",
        description = "Public, read-only: sites as HSDS 3.0 services (Open Referral UK profile)")
public class OpenReferralResource {

    /** Sites that are public in the feed: running, or paused (shown as temporarily closed). */
    private static final Set<SiteStatus> LISTED = EnumSet.of(SiteStatus.ACTIVE, SiteStatus.PAUSED);

    private static final CacheControl CACHE = CacheControl.valueOf("public, max-age=60");

    @Inject
    DirectorySearch search;

    @Inject
    SiteDirectory directory;

    @Inject
    Classes classes;

    @Inject
    Clock clock;

    @GET
    @Operation(summary = "Which standard this feed follows (HSDS 3.0, Open Referral UK profile)")
    public Hsds.ApiInfo info() {
        return new Hsds.ApiInfo("3.0", "https://github.com/OpenReferralUK/uk-profile", "/q/openapi");
    }

    @GET
    @Path("/services")
    @Operation(
            summary = "Services (one per listed site), by name, paginated",
            description = "Public. Sites that are ACTIVE (status active) or PAUSED (temporarily closed).")
    @APIResponse(responseCode = "400", description = "A bad parameter (problem+json names it)")
    public Response services(
            @QueryParam("search") @Parameter(description = "words in the name") String text,
            @QueryParam("organization_id") String organizationId,
            @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("per_page") @DefaultValue("50") int perPage) {
        checkPage(page, perPage);
        var found = listed(null, null, text, organizationId, page, perPage);
        List<Hsds.Service> contents =
                found.items().stream().map(h -> service(h.item(), false)).toList();
        return cached(Hsds.Page.of(contents, found.total(), page, perPage));
    }

    @GET
    @Path("/services/{id}")
    @Operation(
            summary = "One service, fully nested: organization, location with address and accessibility, schedules",
            description = "Public. A ceased site is still found, with status defunct.")
    @APIResponse(responseCode = "404", description = "No such service")
    public Response service(@PathParam("id") String id) {
        Site site = directory
                .find(id)
                .filter(s -> s.status != SiteStatus.ONBOARDING)
                .orElseThrow(() -> ProblemException.notFound("service " + id));
        return cached(service(site, true));
    }

    @GET
    @Path("/service_at_locations")
    @Operation(
            summary = "Services at their locations; with postcode, nearest first, within proximity metres if given",
            description = "Public. With a postcode each carries its distance in metres (an extension to HSDS), "
                    + "from the centre of the postcode's district.")
    @APIResponse(
            responseCode = "400",
            description = "Unknown or malformed postcode, or a bad parameter (problem+json names it)")
    public Response serviceAtLocations(
            @QueryParam("postcode") @Parameter(example = "LS6 2AB") String postcode,
            @QueryParam("proximity") @Parameter(description = "metres from the postcode") String proximity,
            @QueryParam("search") @Parameter(description = "words in the name") String text,
            @QueryParam("organization_id") String organizationId,
            @QueryParam("page") @DefaultValue("1") int page,
            @QueryParam("per_page") @DefaultValue("50") int perPage) {
        checkPage(page, perPage);
        Long within = null;
        if (proximity != null && !proximity.isBlank()) {
            if (postcode == null || postcode.isBlank()) {
                throw ProblemException.badField("proximity", "needs a postcode to measure from");
            }
            try {
                within = Math.round(Double.parseDouble(proximity.trim()));
            } catch (NumberFormatException e) {
                throw ProblemException.badField("proximity", "must be a number of metres");
            }
            if (within < 1 || within > 500_000) {
                throw ProblemException.badField("proximity", "must be between 1 and 500000 metres");
            }
        }
        String origin = postcode == null || postcode.isBlank() ? null : postcode;
        var found = listed(origin, within, text, organizationId, page, perPage);
        List<Hsds.ServiceAtLocation> contents = found.items().stream()
                .map(h -> new Hsds.ServiceAtLocation(
                        h.item().id,
                        h.item().id,
                        h.item().id,
                        location(h.item()),
                        service(h.item(), false),
                        h.metres()))
                .toList();
        return cached(Hsds.Page.of(contents, found.total(), page, perPage));
    }

    /** A page of the listed sites: from {@code origin} nearest first, or by name without one. */
    private DirectorySearch.Page<Site> listed(
            String origin, Long within, String text, String organizationId, int page, int perPage) {
        var filter = new DirectorySearch.SiteFilter(LISTED, null, null, null, providerId(organizationId), text, null);
        return search.sites(origin, within, filter, (page - 1) * perPage, perPage);
    }

    private Hsds.Service service(Site site, boolean full) {
        LocalDate today = England.today(clock);
        List<Cohort> toCome = full
                ? classes.atSite(site.id).stream()
                        .filter(c -> (c.status == ClassStatus.SCHEDULED || c.status == ClassStatus.RUNNING)
                                && !c.endDate.isBefore(today))
                        .toList()
                : List.of();
        OffsetDateTime modified = Stream.concat(
                        Stream.of(site.updatedAt), toCome.stream().map(c -> c.updatedAt))
                .max(Comparator.naturalOrder())
                .orElse(site.updatedAt);
        return new Hsds.Service(
                site.id,
                organizationId(site.provider),
                "ESCAPE-pain at " + site.name,
                description(site),
                status(site.status),
                "Adults with chronic knee or hip pain (osteoarthritis), usually referred by a First Contact "
                        + "Physiotherapist, GP or other clinician",
                site.status == SiteStatus.PAUSED ? "Classes are paused at this site" : null,
                modified,
                organization(site.provider),
                full
                        ? List.of(new Hsds.ServiceAtLocation(site.id, site.id, site.id, location(site), null, null))
                        : null,
                full ? toCome.stream().map(c -> schedule(site, c)).toList() : null);
    }

    private static String description(Site site) {
        String joints = site.programmes().stream()
                .map(j -> j == Joint.KNEE ? "knee" : "hip")
                .collect(Collectors.joining(" and "));
        String course = site.isReducedVariant()
                ? site.sessions + " sessions: a reduced variant of the standard 12-session course"
                : "the standard course of 12 sessions over 6 weeks";
        return "ESCAPE-pain (Enabling Self-management and Coping with Arthritic pain using Exercise) for " + joints
                + " osteoarthritis: group sessions of education and exercise; " + course + ". Delivered at a "
                + words(site.setting.name()) + ".";
    }

    private static Hsds.Location location(Site site) {
        String address1 =
                site.address == null || site.address.isBlank() ? site.name : site.address.split(",")[0].trim();
        String[] parts = site.address == null ? new String[0] : site.address.split(",");
        String city = parts.length >= 2 ? parts[parts.length - 1].trim() : null;
        return new Hsds.Location(
                site.id,
                "physical",
                site.name,
                words(site.setting.name()),
                site.latitude,
                site.longitude,
                List.of(new Hsds.Address(
                        uuid("address:" + site.id), site.id, address1, city, site.postcode, "GB", "physical")),
                accessibility(site));
    }

    /** One entry per feature the site offers, in words, then the provider's own note if there is one. */
    private static List<Hsds.Accessibility> accessibility(Site site) {
        List<Hsds.Accessibility> entries = new ArrayList<>();
        for (AccessibilityFeature feature : site.accessibility()) {
            entries.add(new Hsds.Accessibility(
                    uuid("accessibility:" + site.id + ":" + feature.name()),
                    site.id,
                    AccessibilityFeatures.describe(feature)));
        }
        if (site.accessibilityNotes != null && !site.accessibilityNotes.isBlank()) {
            entries.add(new Hsds.Accessibility(uuid("accessibility:" + site.id), site.id, site.accessibilityNotes));
        }
        return entries;
    }

    private static Hsds.Schedule schedule(Site site, Cohort c) {
        String days = c.days().stream()
                .map(d -> d.getDisplayName(java.time.format.TextStyle.FULL, Locale.UK))
                .collect(Collectors.joining(" and "));
        String description = "ESCAPE-pain class: " + c.sessions + " sessions over " + c.weeks() + " weeks, " + days
                + " " + c.startTime + "-" + c.endTime() + ", led by a " + words(c.facilitatorType.name())
                + (c.isReducedVariant() ? " (reduced variant of the 12-session course)" : "");
        return new Hsds.Schedule(
                c.id,
                site.id,
                site.id,
                c.startDate,
                c.endDate,
                c.startDate,
                "WEEKLY",
                1,
                c.days().stream().map(OpenReferralResource::rfc5545).collect(Collectors.joining(",")),
                c.sessions,
                c.startTime.toString(),
                c.endTime().toString(),
                description,
                "in person",
                c.freePlaces() + " of " + c.capacity + " places free");
    }

    private static Hsds.Organization organization(Provider provider) {
        return new Hsds.Organization(organizationId(provider), provider.name, words(provider.type.name()));
    }

    static String organizationId(Provider provider) {
        return uuid("provider:" + provider.id);
    }

    /** organization_id as the feed shows it (a UUID), or the provider's own id. */
    private static String providerId(String organizationId) {
        if (organizationId == null || organizationId.isBlank()) {
            return null;
        }
        String wanted = organizationId.trim();
        return Provider.<Provider>listAll().stream()
                .filter(p -> p.id.equals(wanted) || organizationId(p).equals(wanted))
                .map(p -> p.id)
                .findFirst()
                .orElse(wanted); // unknown: matches nothing
    }

    private static String status(SiteStatus status) {
        return switch (status) {
            case ACTIVE -> "active";
            case PAUSED -> "temporarily closed";
            case CEASED -> "defunct";
            case ONBOARDING -> "inactive";
        };
    }

    private static String rfc5545(DayOfWeek day) {
        return day.name().substring(0, 2);
    }

    /** NHS_OCCUPATIONAL_HEALTH becomes "NHS occupational health". */
    private static String words(String constant) {
        String lower = constant.toLowerCase(Locale.ROOT).replace('_', ' ');
        return lower.startsWith("nhs ") ? "NHS" + lower.substring(3) : lower;
    }

    private static String uuid(String name) {
        return UUID.nameUUIDFromBytes(("pathways:" + name).getBytes(StandardCharsets.UTF_8))
                .toString();
    }

    private static void checkPage(int page, int perPage) {
        if (page < 1) {
            throw ProblemException.badField("page", "pages are numbered from 1");
        }
        if (perPage < 1 || perPage > 200) {
            throw ProblemException.badField("per_page", "must be between 1 and 200");
        }
    }

    private static Response cached(Object body) {
        return Response.ok(body).cacheControl(CACHE).build();
    }
}
