package uk.nhs.pathways.platform.security;

/** The platform's roles, as carried in the token's {@code groups} claim. */
public final class Roles {

    /** An FCP in a GP surgery; scoped to the practice in the {@code org_id} claim. */
    public static final String REFERRER = "referrer";
    /** A provider organisation's staff; scoped to the provider in {@code org_id}. */
    public static final String PROVIDER = "provider";
    /** An ICB commissioner; scoped to the ICB in {@code org_id}. */
    public static final String COMMISSIONER = "commissioner";
    /** An ICS analyst; scoped to the ICB in {@code org_id}, sees pseudonymised data only. */
    public static final String ANALYST = "analyst";
    /** Platform administrator: reference data. */
    public static final String ADMIN = "admin";

    private Roles() {}
}
