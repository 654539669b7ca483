package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterBus;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.IdGenerator;
import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.OfflineQueue;
import bd.com.getit.realtime.port.out.PresenceArchive;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.port.out.RateLimitStore;
import bd.com.getit.realtime.port.out.RecoveryStore;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.util.Objects;

/** Every driven port the core speaks through, one adapter each. */
public record CorePorts(
    ClusterBus clusterBus,
    ConnectionRegistry connectionRegistry,
    PresenceStore presenceStore,
    RateLimitStore rateLimitStore,
    OfflineQueue offlineQueue,
    RecoveryStore recoveryStore,
    DeduplicationStore deduplicationStore,
    EventLog eventLog,
    ChatRepository chatRepository,
    NotificationRepository notificationRepository,
    LocalDelivery localDelivery,
    TokenVerifier tokenVerifier,
    Clock clock,
    IdGenerator idGenerator,
    ConnectionLog connectionLog,
    PresenceArchive presenceArchive) {
  public CorePorts {
    Objects.requireNonNull(clusterBus, "clusterBus");
    Objects.requireNonNull(connectionRegistry, "connectionRegistry");
    Objects.requireNonNull(presenceStore, "presenceStore");
    Objects.requireNonNull(rateLimitStore, "rateLimitStore");
    Objects.requireNonNull(offlineQueue, "offlineQueue");
    Objects.requireNonNull(recoveryStore, "recoveryStore");
    Objects.requireNonNull(deduplicationStore, "deduplicationStore");
    Objects.requireNonNull(eventLog, "eventLog");
    Objects.requireNonNull(chatRepository, "chatRepository");
    Objects.requireNonNull(notificationRepository, "notificationRepository");
    Objects.requireNonNull(localDelivery, "localDelivery");
    Objects.requireNonNull(tokenVerifier, "tokenVerifier");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(idGenerator, "idGenerator");
    Objects.requireNonNull(connectionLog, "connectionLog");
    Objects.requireNonNull(presenceArchive, "presenceArchive");
  }
}
