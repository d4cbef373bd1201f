package io.fms.api.booking;

import io.fms.support.callback.CallbackUrlPolicy.HostResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * DNS that hangs for one name: {@link #HUNG} does not answer until {@link #answer()}, deaf to interrupts as a lookup
 * in the system's resolver library is; {@link #FAST} answers at once with a public address.
 */
final class HangingResolver implements HostResolver {

    static final String HUNG = "hung.example.com";
    static final String FAST = "fast.example.com";

    private final CountDownLatch answered = new CountDownLatch(1);
    private final AtomicInteger hung = new AtomicInteger();

    @Override
    public InetAddress[] resolve(String host) throws UnknownHostException {
        if (host.equals(HUNG)) {
            hung.incrementAndGet();
            boolean interrupted = false;
            while (true) {
                try {
                    answered.await();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            throw new UnknownHostException(host);
        }
        if (host.equals(FAST)) {
            return new InetAddress[] {InetAddress.getByAddress(host, new byte[] {93, (byte) 184, (byte) 215, 14})};
        }
        throw new UnknownHostException(host);
    }

    /** Lookups of {@link #HUNG} that have begun. */
    int hungLookups() {
        return hung.get();
    }

    /** Ends every hung lookup, and those to come at once. */
    void answer() {
        answered.countDown();
    }
}
