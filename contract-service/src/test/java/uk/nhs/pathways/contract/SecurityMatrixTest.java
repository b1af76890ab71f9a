package uk.nhs.pathways.contract;

import static org.awaitility.Awaitility.await;
import static uk.nhs.pathways.testing.SecurityMatrix.Who.*;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import uk.nhs.pathways.contract.funding.domain.FundingDecision;
import uk.nhs.pathways.contract.sites.domain.Site;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.contract.terms.domain.ContractVersion;
import uk.nhs.pathways.contract.terms.domain.PaymentModel;
import uk.nhs.pathways.events.EventType;
import uk.nhs.pathways.events.Joint;
import uk.nhs.pathways.events.ProviderType;
import uk.nhs.pathways.events.Setting;
import uk.nhs.pathways.events.SiteStatus;
import uk.nhs.pathways.events.SiteUpdated;
import uk.nhs.pathways.testing.SecurityMatrix;
import uk.nhs.pathways.testing.TestEvents;

/** Every contract-service endpoint x every caller (also: a new endpoint without an entry fails this test). */
@QuarkusTest
class SecurityMatrixTest {

    static final String ICB = "QWO";

    @Test
    void everyEndpointAnswersEveryCallerAsDocumented() {
        String contract = aContract();
        String decision = aDecision(contract);
        String site = aSite();
        YearMonth lastMonth = YearMonth.now(ZoneOffset.UTC).minusMonths(1);
        new SecurityMatrix("B86030", "prov-matrix", ICB)
                .endpoint("GET", "/contracts")
                .expect(200, COMMISSIONER, OTHER_COMMISSIONER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/contracts/{id}")
                .at(who -> "/contracts/" + contract)
                .expect(200, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/contracts")
                .body(who -> Map.of(
                        "id",
                        "m-" + UUID.randomUUID().toString().substring(0, 8),
                        "commissionerIcb",
                        ICB,
                        "model",
                        "ACTIVITY",
                        "maxContactsPerEpisode",
                        12,
                        "validFrom",
                        "2026-04-01"))
                .expect(201, COMMISSIONER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("DELETE", "/contracts/{id}")
                .at(who -> "/contracts/" + aContract()) // a fresh one each, so each caller can delete it
                .expect(204, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/contracts/{id}/versions")
                .at(who -> "/contracts/" + aContract() + "/versions")
                .body(who -> Map.of(
                        "model", "ACTIVITY", "maxContactsPerEpisode", 12, "validFrom", "2027-01-01", "supersede", true))
                .expect(201, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/contracts/{id}/end")
                .at(who -> "/contracts/" + aContract() + "/end")
                .body(who -> Map.of("lastDay", "2027-01-01"))
                .expect(200, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/contracts/{id}/utilisation")
                .at(who -> "/contracts/" + contract + "/utilisation")
                .expect(200, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/contracts/what-if")
                .body(who -> Map.of("months", 6, "contractId", contract, "changes", Map.of("maxContactsPerEpisode", 8)))
                .expect(200, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/contracts/{id}/statements")
                .at(who -> "/contracts/" + contract + "/statements")
                .expect(200, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/contracts/{id}/statements/{month}")
                .at(who -> "/contracts/" + contract + "/statements/" + lastMonth)
                .expect(200, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/contracts/{id}/statements/{month}/issue")
                .at(who -> "/contracts/" + aContract() + "/statements/" + lastMonth + "/issue")
                .expect(201, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .endpoint("GET", "/sites/{siteId}/coverage")
                .at(who -> "/sites/" + site + "/coverage")
                .expect(200, PROVIDER, COMMISSIONER, OTHER_COMMISSIONER, ADMIN)
                .expect(404, OTHER_PROVIDER)
                .othersGet(403)
                .and()
                .endpoint("POST", "/admin/republish")
                .expect(200, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/funding-decisions")
                .expect(200, COMMISSIONER, OTHER_COMMISSIONER, ADMIN)
                .othersGet(403)
                .and()
                .endpoint("GET", "/funding-decisions/{referralId}")
                .at(who -> "/funding-decisions/" + decision)
                .expect(200, COMMISSIONER, ADMIN)
                .expect(404, OTHER_COMMISSIONER)
                .othersGet(403)
                .and()
                .verify();
    }

    static String aContract() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Contract c = new Contract();
            c.id = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
            c.commissionerIcb = ICB;
            ContractVersion v = new ContractVersion();
            v.paymentModel = PaymentModel.BLOCK;
            v.maxContactsPerEpisode = 12;
            v.validFrom = LocalDate.of(2026, 1, 1);
            c.amend(v, false);
            c.persist();
            return c.id;
        });
    }

    /** A site of the matrix's provider, in this service's copy of the sites topic. */
    static String aSite() {
        String id = "site-matrix-" + UUID.randomUUID().toString().substring(0, 8);
        TestEvents.publish(
                EventType.SITE_UPDATED,
                id,
                new SiteUpdated(
                        id,
                        "Matrix Leisure Centre",
                        "prov-matrix",
                        "Matrix",
                        ProviderType.LEISURE_OPERATOR,
                        Setting.LEISURE_CENTRE,
                        "LS6 2AB",
                        53.82,
                        -1.57,
                        List.of(Joint.KNEE),
                        12,
                        SiteStatus.ACTIVE,
                        List.of()));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> Site.findById(id) != null));
        return id;
    }

    static String aDecision(String contract) {
        return QuarkusTransaction.requiringNew().call(() -> {
            FundingDecision d = new FundingDecision();
            d.referralId = UUID.randomUUID().toString();
            d.routeNumber = 1;
            d.funded = true;
            d.contractId = contract;
            d.commissionerIcb = ICB;
            d.practiceOdsCode = "B86030";
            d.providerId = "prov-matrix";
            d.siteId = "site-matrix";
            d.sessions = 12;
            d.reasonLines = "";
            d.decidedAt = OffsetDateTime.now();
            d.firstDecidedAt = d.decidedAt;
            d.persist();
            return d.referralId;
        });
    }
}
