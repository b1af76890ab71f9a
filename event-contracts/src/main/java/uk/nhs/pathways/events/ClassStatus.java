package uk.nhs.pathways.events;

/**
 * A class's life. SCHEDULED classes take bookings; COMPLETED and CANCELLED are final. Cancelling is how
 * a class is retired: it stays in the directory (and on the classes topic) as CANCELLED.
 */
public enum ClassStatus {
    SCHEDULED,
    RUNNING,
    COMPLETED,
    CANCELLED;

    public boolean isFinal() {
        return this == COMPLETED || this == CANCELLED;
    }
}
