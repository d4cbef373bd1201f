package io.fms.notify.delivery;

/** Makes one attempt at one delivery over one channel. Implementations bound the time an attempt takes. */
public interface ChannelSender {

    Channel channel();

    /** Never throws for a failure of the receiver: every outcome is a result to record. */
    AttemptResult send(DueDelivery delivery, int attempt);

    /**
     * Deliveries with the same key share a concurrency limit, so that one slow receiver cannot occupy every
     * worker; null for none.
     */
    default String concurrencyKey(DueDelivery delivery) {
        return null;
    }
}
