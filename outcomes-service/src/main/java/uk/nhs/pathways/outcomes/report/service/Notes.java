package uk.nhs.pathways.outcomes.report.service;

import java.util.ArrayList;
import java.util.List;
import uk.nhs.pathways.outcomes.report.domain.DisclosureControl;

/** What a reader of each report needs to know to read it right, printed with it. */
final class Notes {

    static final String SUPPRESSION = "Counts of 1 to " + (DisclosureControl.THRESHOLD - 1)
            + " people are suppressed (null, listed in 'suppressed'; [c] in CSV), and so are enough other counts"
            + " that none can be worked out from totals, parts or complements; rates, means and medians"
            + " resting on a suppressed count are suppressed with it. Zero is shown.";
    static final String UNSUPPRESSED =
            "One ICB's own residents: not suppressed. Do not publish without applying small-number suppression.";
    static final String VARIANTS = "variant STANDARD: the 12-session course; REDUCED: a course of fewer sessions,"
            + " reported apart and never counted as standard.";
    static final String PCN = "PCNs here are a demonstration grouping, not the real networks: within each sub-ICB"
            + " location, practices in ODS-code order in groups of about 6 (PCN-<sub-ICB>-<n>).";

    static final String CONTRACT_FIGURES = "Contract alerts are the commissioning ICB's own contract figures,"
            + " not counts of people: no small-number suppression applies to them.";

    private Notes() {}

    static List<String> quarterly(boolean suppressed) {
        List<String> notes = new ArrayList<>();
        notes.add(suppressed ? SUPPRESSION : UNSUPPRESSED);
        notes.add(VARIANTS);
        notes.add("Referrals count by the day made; starts and median days from referral to first session by the"
                + " first session; completers, drop-outs, did-not-attends, data completeness and measures by the day"
                + " the course ended. completionPercent = completers / (completers + droppedOut).");
        notes.add("Measures: change from the first-session baseline in the direction of benefit; a responder's change"
                + " reaches the instrument's MCID (GET /measures). paired: people with a baseline and this"
                + " measure; missing: people with a baseline but not this measure (missing, not failures).");
        notes.add("dataCompletenessPercent: of the people whose course ended having started, the share with a"
                + " first-session and a last-session score on the same instrument.");
        notes.add("contractAlerts: the contract utilisation alerts (caps at 80% or 100%) whose period overlaps the"
                + " quarter, newest first. JSON only: CSV is the outcomes table; the alerts as CSV are at"
                + " GET /reports/contract-alerts?format=csv. " + CONTRACT_FIGURES);
        return notes;
    }

    static List<String> contractAlerts() {
        return List.of(
                "Contract utilisation alerts from contract-service: a contract's cap in a period (periodStart to"
                        + " periodEnd, both included) reaching thresholdPercent (80 or 100) of what it allows,"
                        + " counting episodes (measure EPISODES) or pence (BUDGET). committed: funded, not yet"
                        + " started; used: started, or payable. Newest first; from and to select by the day reached.",
                CONTRACT_FIGURES);
    }

    static List<String> monthlyActivity(boolean suppressed) {
        List<String> notes = new ArrayList<>();
        notes.add(suppressed ? SUPPRESSION : UNSUPPRESSED);
        notes.add(VARIANTS);
        notes.add("Each month as the quarterly report counts a quarter: referrals by the day made; starts by the"
                + " first session; completers, drop-outs and did-not-attends by the day the course ended. A month"
                + " not yet over counts what has happened so far. Every month has a STANDARD row; a REDUCED row"
                + " only where a reduced course had activity.");
        return notes;
    }

    static List<String> monthly(boolean suppressed) {
        List<String> notes = new ArrayList<>();
        notes.add(suppressed ? SUPPRESSION : UNSUPPRESSED);
        notes.add("The month's referrals (by the day made), each followed to date: offered, booked, started (first"
                + " session attended) and completed. Median days from referral to first session over those started.");
        notes.add(PCN);
        return notes;
    }
}
