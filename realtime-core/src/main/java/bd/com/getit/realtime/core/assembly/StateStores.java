package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.port.out.SpamLedger;
import java.util.Objects;

/**
 * The driven ports that hold the live state of connections and users: shared by every node of a
 * cluster (the Redis adapters), local to the process on the memory adapters. All required.
 */
public record StateStores(
    ConnectionRegistry registry,
    PresenceStore presence,
    RateLimitStore rateLimits,
    OfflineQueue offlineQueue,
    RecoveryStore recovery,
    DeduplicationStore deduplication,
    SpamLedger spamLedger) {
  public StateStores {
    Objects.requireNonNull(registry, "registry");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(rateLimits, "rateLimits");
    Objects.requireNonNull(offlineQueue, "offlineQueue");
    Objects.requireNonNull(recovery, "recovery");
    Objects.requireNonNull(deduplication, "deduplication");
    Objects.requireNonNull(spamLedger, "spamLedger");
  }
}
