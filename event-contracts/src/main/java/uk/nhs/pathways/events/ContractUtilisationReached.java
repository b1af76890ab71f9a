package uk.nhs.pathways.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A contract's cap in a period reached a threshold (80% or 100%) of what it allows: committed (funded,
 * not yet started) plus used (started). Published once per contract, period, measure and threshold.
 *
 * @param cap       the most the period allows: episodes, or pence for BUDGET
 * @param committed funded and not yet started, in the same unit
 * @param used      started (episodes), or payable (pence), in the same unit
 */
public record ContractUtilisationReached(
        String contractId,
        String commissionerIcb,
        LocalDate periodStart,
        LocalDate periodEnd,
        UtilisationMeasure measure,
        int thresholdPercent,
        long cap,
        long committed,
        long used,
        Instant reachedAt) {}
