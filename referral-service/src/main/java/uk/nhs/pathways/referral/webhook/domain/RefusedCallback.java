package uk.nhs.pathways.referral.webhook.domain;

/** A callback URL the platform will not send to; the message says why, in words a subscriber can act on. */
public class RefusedCallback extends RuntimeException {

    public RefusedCallback(String reason) {
        super(reason);
    }
}
