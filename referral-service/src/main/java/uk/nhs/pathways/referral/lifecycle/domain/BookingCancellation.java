package uk.nhs.pathways.referral.lifecycle.domain;

/** Why a provider cancelled a booking. Only the code leaves this service; a note stays inside. */
public enum BookingCancellation {
    /** The person asked to cancel. */
    PERSON_REQUESTED,
    /** The person is unwell or otherwise cannot attend this class. */
    PERSON_UNABLE_TO_ATTEND,
    /** The provider cancelled or moved the class. */
    CLASS_CANCELLED,
    /** Anything else: the provider's note says what. */
    OTHER;

    public String words() {
        return switch (this) {
            case PERSON_REQUESTED -> "the person asked to cancel";
            case PERSON_UNABLE_TO_ATTEND -> "the person cannot attend this class";
            case CLASS_CANCELLED -> "the class was cancelled or moved";
            case OTHER -> "another reason (see the provider's note)";
        };
    }
}
