package uk.nhs.pathways.web.support;

import jakarta.ws.rs.core.HttpHeaders;

/** Whether a request came from htmx for a part of a page (not a full page, nor htmx restoring history). */
public final class Htmx {

    private Htmx() {}

    public static boolean partial(HttpHeaders headers) {
        return "true".equals(headers.getHeaderString("HX-Request"))
                && !"true".equals(headers.getHeaderString("HX-History-Restore-Request"));
    }
}
