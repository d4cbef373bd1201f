package io.fms.events;

/** The limits of a trip's waitlist, shared by the API's door and the processor's decisions. */
public final class Waitlist {

    /** Parties waiting on one trip at most; a request beyond it is refused {@link RejectionReason#WAITLIST_FULL}. */
    public static final int PARTIES_MAX = 1000;

    /** How often a waiting party may be passed over by a smaller one; after that, freed seats are kept for it. */
    public static final int PASS_OVERS_MAX = 3;

    private Waitlist() {}
}
