package uk.nhs.pathways.web.support;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * What a page shows when a service says no or is not there. Another organisation's referral is "not
 * found" (the services answer 404 or 403 and the page does not say which); a session the services no
 * longer accept goes back to sign-in; a service that is down is a plain "try again" page, never a stack
 * trace.
 */
public class PageFailures {

    private static final Logger LOG = Logger.getLogger(PageFailures.class);

    @CheckedTemplate(basePath = "failures", requireTypeSafeExpressions = false)
    static class Templates {
        static native TemplateInstance notFound();

        static native TemplateInstance forbidden();

        static native TemplateInstance unavailable();
    }

    @ServerExceptionMapper
    public Response serviceRefused(ClientWebApplicationException refused, UriInfo uri) {
        int status = refused.getResponse().getStatus();
        if (status == 401) {
            String back = uri.getRequestUri().getRawPath()
                    + (uri.getRequestUri().getRawQuery() == null
                            ? ""
                            : "?" + uri.getRequestUri().getRawQuery());
            return Response.seeOther(URI.create("/sign-in?return=" + URLEncoder.encode(back, StandardCharsets.UTF_8)))
                    .build();
        }
        if (status == 403 || status == 404) {
            return page(404, Templates.notFound());
        }
        LOG.warnf("A service answered %d to a page's call", status);
        return page(502, Templates.unavailable());
    }

    @ServerExceptionMapper
    public Response serviceUnreachable(ProcessingException unreachable) {
        LOG.warnf("A service could not be reached: %s", unreachable.getClass().getSimpleName());
        return page(503, Templates.unavailable());
    }

    @ServerExceptionMapper
    public Response noSuchPage(NotFoundException missing) {
        return page(404, Templates.notFound());
    }

    @ServerExceptionMapper
    public Response notForThisRole(ForbiddenException forbidden) {
        return page(403, Templates.forbidden());
    }

    private static Response page(int status, TemplateInstance page) {
        return Response.status(status)
                .type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(page.render())
                .build();
    }
}
