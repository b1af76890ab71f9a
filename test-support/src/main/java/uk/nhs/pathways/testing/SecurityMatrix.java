package uk.nhs.pathways.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Every endpoint of a service x every kind of caller, with the status each must get, checked with
 * real signed tokens. {@link #verify()} fails when the service's OpenAPI document lists an endpoint
 * that has no entry here, so a new endpoint cannot ship without its security being decided and tested.
 */
public final class SecurityMatrix {

    /** The callers every endpoint is tried with. */
    public enum Who {
        NO_TOKEN,
        EXPIRED_TOKEN,
        UNTRUSTED_TOKEN,
        REFERRER,
        OTHER_REFERRER,
        PROVIDER,
        OTHER_PROVIDER,
        COMMISSIONER,
        OTHER_COMMISSIONER,
        ANALYST,
        OTHER_ANALYST,
        ADMIN;

        static final Set<Who> WITHOUT_VALID_TOKEN = Set.of(NO_TOKEN, EXPIRED_TOKEN, UNTRUSTED_TOKEN);
    }

    private final Map<Who, String> tokens = new EnumMap<>(Who.class);
    private final Map<String, Endpoint> endpoints = new LinkedHashMap<>();

    /**
     * @param practice the referrer's GP practice; OTHER_REFERRER is another practice
     * @param provider the provider's organisation; OTHER_PROVIDER is another provider
     * @param icb      the commissioner's and analyst's ICB; the OTHER_ ones are another ICB
     */
    public SecurityMatrix(String practice, String provider, String icb) {
        tokens.put(Who.EXPIRED_TOKEN, TestTokens.expired("admin", null));
        tokens.put(Who.UNTRUSTED_TOKEN, TestTokens.signedByStranger("admin", null));
        tokens.put(Who.REFERRER, TestTokens.token("referrer", practice));
        tokens.put(Who.OTHER_REFERRER, TestTokens.token("referrer", "Y99999"));
        tokens.put(Who.PROVIDER, TestTokens.token("provider", provider));
        tokens.put(Who.OTHER_PROVIDER, TestTokens.token("provider", "another-provider"));
        tokens.put(Who.COMMISSIONER, TestTokens.token("commissioner", icb));
        tokens.put(Who.OTHER_COMMISSIONER, TestTokens.token("commissioner", "QZZ"));
        tokens.put(Who.ANALYST, TestTokens.token("analyst", icb));
        tokens.put(Who.OTHER_ANALYST, TestTokens.token("analyst", "QZZ"));
        tokens.put(Who.ADMIN, TestTokens.token("admin", null));
    }

    /** An endpoint as the OpenAPI document names it, e.g. {@code endpoint("GET", "/referrals/{id}")}. */
    public Endpoint endpoint(String method, String path) {
        Endpoint endpoint = new Endpoint(method.toUpperCase(), path);
        endpoints.put(endpoint.key(), endpoint);
        return endpoint;
    }

    public final class Endpoint {
        private final String method;
        private final String path;
        private Function<Who, String> concretePath;
        private Function<Who, Object> body = who -> null;
        private final Map<Who, Integer> expected = new EnumMap<>(Who.class);
        private boolean open;

        private Endpoint(String method, String path) {
            this.method = method;
            this.path = path;
            this.concretePath = who -> path;
        }

        String key() {
            return method + " " + path;
        }

        /** The path to call; called once per caller, so each can get a fresh resource. */
        public Endpoint at(Function<Who, String> concretePath) {
            this.concretePath = concretePath;
            return this;
        }

        /** The JSON body to send; called once per caller. */
        public Endpoint body(Function<Who, Object> body) {
            this.body = body;
            return this;
        }

        /** Public: no token needed (and invalid tokens are not refused either). */
        public Endpoint open() {
            this.open = true;
            return this;
        }

        public Endpoint expect(int status, Who... callers) {
            for (Who who : callers) {
                expected.put(who, status);
            }
            return this;
        }

        /** The status for every role caller not named yet. */
        public Endpoint othersGet(int status) {
            for (Who who : Who.values()) {
                if (!Who.WITHOUT_VALID_TOKEN.contains(who)) {
                    expected.putIfAbsent(who, status);
                }
            }
            return this;
        }

        public SecurityMatrix and() {
            return SecurityMatrix.this;
        }
    }

    /** Checks coverage against the service's OpenAPI document, then every endpoint x caller. */
    public void verify() {
        Map<String, Map<String, Object>> paths = given().accept(ContentType.JSON)
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        assertThat(new TreeSet<>(endpoints.keySet()))
                .as("every endpoint in /q/openapi needs an entry in the security matrix, and every entry an endpoint")
                .isEqualTo(documented);

        List<String> failures = new ArrayList<>();
        for (Endpoint endpoint : endpoints.values()) {
            for (Who who : Who.values()) {
                Integer want = expected(endpoint, who);
                if (want == null) {
                    failures.add(endpoint.key() + ": no expectation for " + who);
                    continue;
                }
                RequestSpecification request = given().contentType(ContentType.JSON);
                if (tokens.containsKey(who)) {
                    request.auth().oauth2(tokens.get(who));
                }
                Object body = endpoint.body.apply(who);
                if (body != null) {
                    request.body(body);
                }
                int got = request.request(endpoint.method, endpoint.concretePath.apply(who))
                        .statusCode();
                if (got != want) {
                    failures.add(endpoint.key() + " as " + who + ": expected " + want + " but got " + got);
                }
            }
        }
        assertThat(failures).as("security matrix mismatches").isEmpty();
    }

    private Integer expected(Endpoint endpoint, Who who) {
        if (Who.WITHOUT_VALID_TOKEN.contains(who) && !endpoint.open) {
            return endpoint.expected.getOrDefault(who, 401);
        }
        return endpoint.expected.get(who);
    }
}
