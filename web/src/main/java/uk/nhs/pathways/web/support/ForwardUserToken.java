package uk.nhs.pathways.web.support;

import jakarta.inject.Inject;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every call to a service carries the signed-in person's own token: the services decide what they may
 * see and do, so no access rule is copied here.
 */
public class ForwardUserToken implements ClientRequestFilter {

    @Inject
    SignedInUser user;

    @Override
    public void filter(ClientRequestContext request) {
        user.accessToken()
                .ifPresent(token -> request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token));
    }
}
