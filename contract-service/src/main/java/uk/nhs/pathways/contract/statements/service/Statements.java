package uk.nhs.pathways.contract.statements.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import uk.nhs.pathways.contract.funding.domain.EpisodeActivity;
import uk.nhs.pathways.contract.statements.domain.PaymentStatement;
import uk.nhs.pathways.contract.statements.domain.Statement;
import uk.nhs.pathways.contract.terms.domain.Contract;
import uk.nhs.pathways.platform.problem.ProblemException;
import uk.nhs.pathways.platform.time.England;

/**
 * Payment statements per contract and month: computed from what was delivered ({@link Statement#of}) until
 * issued; issued ones never change, and a later difference is issued as a correction naming the one before.
 */
@ApplicationScoped
public class Statements {

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    /** The month's statement as the activity recorded so far makes it. */
    public Statement live(Contract contract, YearMonth month) {
        List<EpisodeActivity> activities = EpisodeActivity.list(
                "contractId = ?1 and occurredOn between ?2 and ?3 order by referralId, kind",
                contract.id,
                month.atDay(1),
                month.atEndOfMonth());
        return Statement.of(contract, month, activities);
    }

    /** The month's issued statements, first to latest. */
    public List<PaymentStatement> issued(String contractId, YearMonth month) {
        return PaymentStatement.list("contractId = ?1 and month = ?2 order by sequence", contractId, month.atDay(1));
    }

    /** Every issued statement of a contract, by month and sequence. */
    public List<PaymentStatement> issued(String contractId) {
        return PaymentStatement.list("contractId = ?1 order by month, sequence", contractId);
    }

    public Optional<PaymentStatement> latest(String contractId, YearMonth month) {
        List<PaymentStatement> issued = issued(contractId, month);
        return issued.isEmpty() ? Optional.empty() : Optional.of(issued.getLast());
    }

    /** What an issued statement says, as it said it. */
    public Statement statementOf(PaymentStatement issued) {
        try {
            return json.readValue(issued.body, Statement.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Issues the month's statement: the first, or a correction of the latest when the figures have changed since
     * (409 when they have not). Only for a month that has ended.
     */
    @Transactional
    public PaymentStatement issue(String contractId, YearMonth month, String issuedBy) {
        if (!month.isBefore(YearMonth.from(England.today(clock)))) {
            throw ProblemException.badField("month", "has not ended yet: a statement is issued after its month");
        }
        // One issue at a time per contract: sequence numbers never collide.
        Contract contract = Contract.findById(contractId, LockModeType.PESSIMISTIC_WRITE);
        if (contract == null) {
            throw ProblemException.notFound("contract " + contractId);
        }
        Statement now = live(contract, month);
        Optional<PaymentStatement> latest = latest(contractId, month);
        if (latest.isPresent() && statementOf(latest.get()).sameFiguresAs(now)) {
            throw ProblemException.conflict("statement " + latest.get().id
                    + " was issued and nothing has changed since: there is nothing to correct");
        }
        int sequence = latest.map(s -> s.sequence + 1).orElse(1);
        PaymentStatement issued = new PaymentStatement();
        issued.id = PaymentStatement.id(contractId, month, sequence);
        issued.contractId = contractId;
        issued.month = month.atDay(1);
        issued.sequence = sequence;
        issued.corrects = latest.map(s -> s.id).orElse(null);
        issued.issuedAt = OffsetDateTime.now(clock);
        issued.issuedBy = issuedBy;
        issued.commissionerPaysPence = now.commissionerPaysPence();
        issued.primeCarriesPence = now.primeCarriesPence();
        try {
            issued.body = json.writeValueAsString(now);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        issued.persist();
        return issued;
    }
}
