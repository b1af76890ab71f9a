package uk.nhs.pathways.events;

/** A record that is not a well-formed platform event; it belongs on the dead-letter topic. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }
}
