package io.fms.processor.outbox;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The command partitions this instance owns right now. Only their outbox rows are swept here: another instance
 * republishes its own, so a row is not raced by every processor in the group.
 */
@Component
public class OwnedPartitions {

    private final Set<Integer> partitions = ConcurrentHashMap.newKeySet();

    public void assigned(Collection<Integer> assigned) {
        partitions.addAll(assigned);
    }

    public void revoked(Collection<Integer> revoked) {
        partitions.removeAll(revoked);
    }

    public Set<Integer> current() {
        return Set.copyOf(partitions);
    }
}
