package uk.nhs.pathways.events;

/** Why a referral moved on to the next class in its ranking. */
public enum RerouteCause {
    /** The provider declined it. */
    DECLINED,
    /** The provider did not answer within the configured number of working days. */
    NO_ANSWER,
    /** The site directory had no place for it in the classes asked for. */
    PLACE_REFUSED
}
