package uk.nhs.pathways.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Gives each service its own database on a local PostgreSQL server, owned by its own login role, so
 * no service can read another's tables. Connects as an administrative user (trust auth locally).
 */
public final class LocalPostgres {

    private final String host;
    private final int port;
    private final String adminUser;
    private final String adminPassword;

    public LocalPostgres(String host, int port, String adminUser, String adminPassword) {
        this.host = host;
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
    }

    /** From PATHWAYS_PG_HOST, PATHWAYS_PG_PORT, PATHWAYS_PG_ADMIN_USER, PATHWAYS_PG_ADMIN_PASSWORD. */
    public static LocalPostgres fromEnvironment() {
        return new LocalPostgres(
                env("PATHWAYS_PG_HOST", "127.0.0.1"),
                Integer.parseInt(env("PATHWAYS_PG_PORT", "5432")),
                env("PATHWAYS_PG_ADMIN_USER", "postgres"),
                env("PATHWAYS_PG_ADMIN_PASSWORD", ""));
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    /** Creates the role and database when missing; keeps existing data. */
    public void ensureDatabase(String database, String role, String password) throws SQLException {
        provision(database, role, password, false);
    }

    /** Drops and recreates the database: every test run starts from an empty schema. */
    public void recreateDatabase(String database, String role, String password) throws SQLException {
        provision(database, role, password, true);
    }

    private void provision(String database, String role, String password, boolean fresh) throws SQLException {
        requireIdentifier(database);
        requireIdentifier(role);
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), adminUser, adminPassword);
                Statement sql = admin.createStatement()) {
            boolean roleExists;
            try (var rs = sql.executeQuery("select 1 from pg_roles where rolname = '" + role + "'")) {
                roleExists = rs.next();
            }
            String pw = password.replace("'", "''");
            sql.execute((roleExists ? "alter role " : "create role ") + role + " login password '" + pw + "'");
            if (fresh) {
                sql.execute("drop database if exists " + database + " with (force)");
            }
            boolean dbExists;
            try (var rs = sql.executeQuery("select 1 from pg_database where datname = '" + database + "'")) {
                dbExists = rs.next();
            }
            if (!dbExists) {
                sql.execute("create database " + database + " owner " + role);
            }
            // Only the owning role may connect: least privilege between services.
            sql.execute("revoke all on database " + database + " from public");
        }
    }

    private static void requireIdentifier(String name) {
        if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a plain identifier: " + name);
        }
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
