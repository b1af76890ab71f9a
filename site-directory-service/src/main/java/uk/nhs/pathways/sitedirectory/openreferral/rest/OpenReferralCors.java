package uk.nhs.pathways.sitedirectory.openreferral.rest;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * CORS for the open directory feed only: council, ICS and charity directory tools read it from their
 * own pages in the browser, so it answers any origin ({@code Access-Control-Allow-Origin: *}) for GET and
 * HEAD and answers their preflight. Never with credentials: the feed is public and looks at no token or
 * cookie, so {@code Access-Control-Allow-Credentials} is never sent. Every other path of the directory
 * (the signed-in API) sends no CORS header at all, so a browser keeps other origins away from it.
 * Quarkus' {@code quarkus.http.cors} would apply to every path, hence this filter on the feed's paths.
 */
@ApplicationScoped
public class OpenReferralCors {

    static final String ALLOWED_METHODS = "GET, HEAD, OPTIONS";
    /** What a directory tool may send beyond the simple headers: content negotiation and revalidation. */
    static final String ALLOWED_HEADERS = "Accept, Accept-Language, Content-Language, If-None-Match, If-Modified-Since";
    /** Preflights are cached for a day: the policy does not change with the request. */
    static final String MAX_AGE = "86400";

    /** Before authentication and the REST layer, so a preflight never meets either. */
    private static final int PRIORITY = 1_000;

    void register(@Observes Filters filters) {
        filters.register(this::handle, PRIORITY);
    }

    void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!isFeed(request.path())) {
            context.next();
            return;
        }
        HttpServerResponse response = context.response();
        HttpMethod method = request.method();
        if (HttpMethod.OPTIONS.equals(method)) {
            // A preflight (or a plain OPTIONS): answered here; the resources have no OPTIONS of their own.
            response.putHeader(HttpHeaders.ALLOW, ALLOWED_METHODS);
            if (request.getHeader(HttpHeaders.ORIGIN) != null) {
                response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
                        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS)
                        .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE);
            }
            response.setStatusCode(204).end();
            return;
        }
        if (HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) {
            // Always, not only when an Origin is sent: one answer for every caller, so caches need no Vary.
            response.putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        }
        context.next();
    }

    /** The feed's paths: {@code /}, {@code /services}, {@code /services/{id}}, {@code /service_at_locations}. */
    static boolean isFeed(String path) {
        if (path == null) {
            return false;
        }
        String p = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        return p.equals("/")
                || p.equals("/services")
                || (p.startsWith("/services/") && p.indexOf('/', "/services/".length()) < 0)
                || p.equals("/service_at_locations");
    }
}
