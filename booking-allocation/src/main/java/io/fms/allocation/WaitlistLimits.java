package io.fms.allocation;

/**
 * How a trip's waitlist is bounded.
 *
 * @param partiesMax parties waiting at most; a request beyond it is refused {@link Rejection#WAITLIST_FULL}
 * @param passOversMax how often a waiting party that does not fit may see another party seated first; after that,
 *     free seats are kept for it until it fits
 */
public record WaitlistLimits(int partiesMax, int passOversMax) {

    public WaitlistLimits {
        if (partiesMax < 0 || passOversMax < 0) {
            throw new IllegalArgumentException(
                    "waitlist limits cannot be negative: " + partiesMax + ", " + passOversMax);
        }
    }
}
