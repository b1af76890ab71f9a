package uk.nhs.pathways.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static uk.nhs.pathways.contract.Fixtures.commissioner;
import static uk.nhs.pathways.contract.Fixtures.contract;
import static uk.nhs.pathways.contract.Fixtures.get;
import static uk.nhs.pathways.contract.Fixtures.post;
import static uk.nhs.pathways.contract.Fixtures.version;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Contract terms as versions through the API: the simple POST of before still works, amendments never overlap
 * (400 naming the field), ending, and bad input refused with nothing written. Cambridgeshire and Peterborough
 * (QUE) is this class's alone.
 */
@QuarkusTest
class ContractVersionsApiTest {

    static final String ICB = "QUE";

    static String anId() {
        return "que-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void theSimplePostOfBeforeStillRegistersAContractAsItsFirstVersion() {
        String id = anId();
        post(
                        commissioner(ICB),
                        "/contracts",
                        Map.of(
                                "id",
                                id,
                                "commissionerIcb",
                                ICB,
                                "providerId",
                                "prov-que",
                                "model",
                                "ANY_QUALIFIED_PROVIDER",
                                "maxContactsPerEpisode",
                                12,
                                "pricePerEpisodePence",
                                16_300,
                                "validFrom",
                                "2026-04-01"))
                .statusCode(201)
                .body("model", equalTo("ACTIVITY"))
                .body("providerId", equalTo("prov-que"))
                .body("pricePerEpisodePence", equalTo(16_300))
                .body("currentVersion", equalTo(1))
                .body("versions", hasSize(1))
                .body("versions[0].providerIds", equalTo(List.of("prov-que")))
                .body("versions[0].capPeriod", equalTo("QUARTER"));
        get(commissioner(ICB), "/contracts/" + id)
                .statusCode(200)
                .body("validFrom", equalTo("2026-04-01"))
                .body("validTo", nullValue())
                .body("joints", equalTo(List.of("KNEE", "HIP")));
        String prime = anId();
        post(commissioner(ICB), "/contracts", contract(prime, ICB, "model", "PRIME_CONTRACT"))
                .statusCode(201)
                .body("model", equalTo("PRIME_SUB_CONTRACT"));
    }

    @Test
    void anAmendmentNeverOverlapsUnlessItSupersedesTheVersionInForce() {
        String id = anId();
        post(
                        commissioner(ICB),
                        "/contracts",
                        contract(id, ICB, "model", "BLOCK", "maxContactsPerEpisode", 4, "validFrom", "2026-04-01"))
                .statusCode(201);

        post(commissioner(ICB), "/contracts/" + id + "/versions", version("validFrom", "2026-10-01"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("validFrom")));
        get(commissioner(ICB), "/contracts/" + id).body("versions", hasSize(1)).body("validTo", nullValue());

        post(commissioner(ICB), "/contracts/" + id + "/versions", version("validFrom", "2026-10-01", "supersede", true))
                .statusCode(201)
                .body("versions", hasSize(2))
                .body("versions[0].validTo", equalTo("2026-09-30"))
                .body("versions[1].version", equalTo(2))
                .body("versions[1].validFrom", equalTo("2026-10-01"))
                .body("versions[1].maxContactsPerEpisode", equalTo(12));

        // Squeezed into version 1's days, or reaching back over them: refused, naming the field.
        post(
                        commissioner(ICB),
                        "/contracts/" + id + "/versions",
                        version("validFrom", "2026-05-01", "validTo", "2026-06-30"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("validFrom")));
        post(
                        commissioner(ICB),
                        "/contracts/" + id + "/versions",
                        version("validFrom", "2026-01-01", "validTo", "2026-04-01"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("validTo")));
        post(
                        commissioner(ICB),
                        "/contracts/" + id + "/versions",
                        version("validFrom", "2027-01-01", "validTo", "2026-12-31"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("validTo")));
        get(commissioner(ICB), "/contracts/" + id).body("versions", hasSize(2));

        // Another ICB's commissioner learns nothing.
        post(
                        commissioner("QWO"),
                        "/contracts/" + id + "/versions",
                        version("validFrom", "2027-01-01", "supersede", true))
                .statusCode(404);
    }

    @Test
    void endingAContractCutsTheVersionInForce() {
        String id = anId();
        post(commissioner(ICB), "/contracts", contract(id, ICB, "validFrom", "2026-04-01"))
                .statusCode(201);
        post(commissioner(ICB), "/contracts/" + id + "/end", Map.of("lastDay", "2026-03-01"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("lastDay")));
        post(commissioner(ICB), "/contracts/" + id + "/end", Map.of())
                .statusCode(400)
                .body("errors.field", hasItem("lastDay"));
        post(commissioner(ICB), "/contracts/" + id + "/end", Map.of("lastDay", "2026-12-31"))
                .statusCode(200)
                .body("validTo", equalTo("2026-12-31"))
                .body("versions[0].validTo", equalTo("2026-12-31"));
        post(commissioner("QWO"), "/contracts/" + id + "/end", Map.of("lastDay", "2026-12-31"))
                .statusCode(404);
    }

    @Test
    void badTermsAreRefusedNamingTheFieldAndNothingIsWritten() {
        Map<String, Map<String, Object>> bad = Map.of(
                "pricePerEpisodePence", contract(anId(), ICB, "pricePerEpisodePence", -1),
                "maxEpisodesPerPeriod", contract(anId(), ICB, "maxEpisodesPerPeriod", -5),
                "budgetPencePerPeriod", contract(anId(), ICB, "budgetPencePerPeriod", -100),
                "validTo", contract(anId(), ICB, "validFrom", "2026-04-01", "validTo", "2026-03-31"),
                "providerIds", contract(anId(), ICB, "providerId", "a", "providerIds", List.of("b")),
                "model", contract(anId(), ICB, "model", "PAY_WHAT_YOU_LIKE"),
                "siteIds[0]", contract(anId(), ICB, "siteIds", List.of("no/slashes")),
                "capPeriod", contract(anId(), ICB, "capPeriod", "FORTNIGHT"));
        bad.forEach((field, body) -> {
            post(commissioner(ICB), "/contracts", body)
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(field));
            get(commissioner(ICB), "/contracts/" + body.get("id")).statusCode(404);
        });

        String id = anId();
        post(commissioner(ICB), "/contracts", contract(id, ICB, "validFrom", "2026-04-01", "validTo", "2026-09-30"))
                .statusCode(201);
        post(
                        commissioner(ICB),
                        "/contracts/" + id + "/versions",
                        version("validFrom", "2026-10-01", "pricePerCompletionPence", -1))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("pricePerCompletionPence")));
        post(
                        commissioner(ICB),
                        "/contracts/" + id + "/versions",
                        version("validFrom", "2026-10-01", "capPeriod", "YEAR"))
                .statusCode(400)
                .body("errors.field", equalTo(List.of("capPeriod")));
        get(commissioner(ICB), "/contracts/" + id).body("versions", hasSize(1));
        assertThat(Fixtures.count("select count(*) from contract_version where contract_id = ?1", id))
                .isEqualTo(1);
    }
}
