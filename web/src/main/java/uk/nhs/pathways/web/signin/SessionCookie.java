package uk.nhs.pathways.web.signin;

/** The local-demo session cookie: the signed token itself, HttpOnly and SameSite=Lax. */
public final class SessionCookie {

    public static final String NAME = "pathways-session";

    private SessionCookie() {}
}
