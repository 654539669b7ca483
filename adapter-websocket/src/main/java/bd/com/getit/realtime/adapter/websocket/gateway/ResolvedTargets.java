package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.domain.ConnectionId;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The registered links of large fanouts' targets, resolved once per target collection: the core
 * hands every publish to a channel the same immutable snapshot of its members until they change, so
 * the map look-up per target (a tenth of a 5,000-socket fanout's samples, each a few cache misses)
 * is paid once per snapshot instead of once per publish. Only the JDK's immutable collections are
 * resolved (their iteration order cannot change, so the links line up with the targets by
 * position); a small direct-mapped table keyed by the collection's identity holds the last few. A
 * link resolved here may be gone by the time it is used (the caller checks and looks the target up
 * again), and a socket registered after the resolution is found by that look-up. Thread-safe: a
 * race only costs a second resolution.
 */
final class ResolvedTargets {
  private static final int SLOTS = 16;

  /** The classes of {@code Set.of}, {@code Set.copyOf}, {@code List.of}, {@code List.copyOf}. */
  private static final Set<Class<?>> IMMUTABLE =
      Set.copyOf( // some of these are the same class: copyOf drops the duplicates
          Arrays.asList(
              Set.of().getClass(),
              Set.of(1).getClass(),
              Set.of(1, 2, 3).getClass(),
              List.of().getClass(),
              List.of(1).getClass(),
              List.of(1, 2, 3).getClass()));

  private record Resolved(Collection<ConnectionId> targets, Object[] links) {}

  private final AtomicReferenceArray<Resolved> slots = new AtomicReferenceArray<>(SLOTS);

  /**
   * The links of {@code targets} in their iteration order (null for a target with no link), or null
   * when {@code targets} is not an immutable collection.
   */
  Object[] links(Collection<ConnectionId> targets, Map<ConnectionId, ?> registered) {
    if (!IMMUTABLE.contains(targets.getClass())) {
      return null;
    }
    int slot = System.identityHashCode(targets) & (SLOTS - 1);
    Resolved hit = slots.get(slot);
    if (hit != null && hit.targets == targets) {
      return hit.links;
    }
    Object[] links = new Object[targets.size()];
    int i = 0;
    for (ConnectionId target : targets) {
      links[i++] = registered.get(target);
    }
    slots.set(slot, new Resolved(targets, links));
    return links;
  }

  /** Drops every resolution (a socket left: it must not stay reachable from here). */
  void forget() {
    for (int i = 0; i < SLOTS; i++) {
      if (slots.get(i) != null) {
        slots.set(i, null);
      }
    }
  }
}
