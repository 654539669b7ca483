package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.adapter.redis.RedisAdapters;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.port.out.RecoveryStore;

/**
 * The driven ports that hold the cluster-wide view: shared by every node when they run on Redis,
 * local to the process on the memory adapters.
 */
record ClusterStores(
    ClusterBus bus,
    ConnectionRegistry registry,
    PresenceStore presence,
    RateLimitStore rateLimits,
    OfflineQueue offlineQueue,
    RecoveryStore recovery,
    DeduplicationStore deduplication,
    AuctionStore auctions) {

  static ClusterStores memory(MemoryAdapters memory) {
    return new ClusterStores(
        memory.clusterBus(),
        memory.connectionRegistry(),
        memory.presenceStore(),
        memory.rateLimitStore(),
        memory.offlineQueue(),
        memory.recoveryStore(),
        memory.deduplicationStore(),
        memory.auctionStore());
  }

  static ClusterStores redis(RedisAdapters redis) {
    return new ClusterStores(
        redis.clusterBus(),
        redis.connectionRegistry(),
        redis.presenceStore(),
        redis.rateLimitStore(),
        redis.offlineQueue(),
        redis.recoveryStore(),
        redis.deduplicationStore(),
        redis.auctionStore());
  }
}
