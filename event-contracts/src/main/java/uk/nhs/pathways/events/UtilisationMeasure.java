package uk.nhs.pathways.events;

/** What a contract caps: the number of episodes in a period, or the money in a period. */
public enum UtilisationMeasure {
    EPISODES,
    BUDGET
}
