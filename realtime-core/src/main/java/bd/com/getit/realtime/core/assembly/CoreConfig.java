package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.chat.ChatRules;
import bd.com.getit.realtime.core.text.SpamRules;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.RateLimit;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The core's settings, immutable, with the defaults of PROTOCOL sections 3, 6 and 7; build one with
 * {@link #builder()}.
 *
 * @param nodeId this node's id on the cluster bus and in the connection registry
 * @param allowGuests whether a connection without a token becomes a guest (else AUTH_REQUIRED)
 * @param maxChannelsPerConnection the CHANNEL_LIMIT bound
 * @param recoveryWindow how long a dropped session can be recovered
 * @param rateLimits the per-user limit of every {@link RateLimiter.Action}
 * @param maxConnectionsPerUser live connections a user may hold across the cluster
 * @param newConnectionsPerAddressPerMinute new connections a client address may open a minute
 * @param dedupWindow how long an ingested event id is remembered
 * @param offlineTtl how long an at-least-once event without a TTL waits in an offline queue
 * @param presenceIdleAfter how long a device may stay inactive before it shows as away
 * @param spamRules the thresholds of the chat spam rules
 * @param chatRules the limits of chat rooms and messages, the attachment hosts among them
 */
public record CoreConfig(
    NodeId nodeId,
    boolean allowGuests,
    int maxChannelsPerConnection,
    Duration recoveryWindow,
    Map<RateLimiter.Action, RateLimit> rateLimits,
    int maxConnectionsPerUser,
    int newConnectionsPerAddressPerMinute,
    Duration dedupWindow,
    Duration offlineTtl,
    Duration presenceIdleAfter,
    SpamRules spamRules,
    ChatRules chatRules) {

  public CoreConfig {
    Objects.requireNonNull(nodeId, "nodeId");
    requirePositive(maxChannelsPerConnection, "maxChannelsPerConnection");
    requirePositive(recoveryWindow, "recoveryWindow");
    Objects.requireNonNull(rateLimits, "rateLimits");
    EnumMap<RateLimiter.Action, RateLimit> limits = defaultRateLimits();
    rateLimits.forEach(
        (action, limit) ->
            limits.put(
                Objects.requireNonNull(action, "action"),
                Objects.requireNonNull(limit, "limit of " + action)));
    rateLimits = Map.copyOf(limits);
    requirePositive(maxConnectionsPerUser, "maxConnectionsPerUser");
    requirePositive(newConnectionsPerAddressPerMinute, "newConnectionsPerAddressPerMinute");
    requirePositive(dedupWindow, "dedupWindow");
    requirePositive(offlineTtl, "offlineTtl");
    requirePositive(presenceIdleAfter, "presenceIdleAfter");
    Objects.requireNonNull(spamRules, "spamRules");
    Objects.requireNonNull(chatRules, "chatRules");
  }

  /** The defaults: a single node named {@code local}. */
  public static CoreConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The limit of {@code action}: configured, else its default per minute. */
  public RateLimit rateLimit(RateLimiter.Action action) {
    return rateLimits.get(action);
  }

  private static EnumMap<RateLimiter.Action, RateLimit> defaultRateLimits() {
    EnumMap<RateLimiter.Action, RateLimit> limits = new EnumMap<>(RateLimiter.Action.class);
    for (RateLimiter.Action action : RateLimiter.Action.values()) {
      limits.put(action, RateLimit.perMinute(action.defaultPerMinute()));
    }
    return limits;
  }

  private static void requirePositive(int value, String name) {
    if (value < 1) {
      throw new IllegalArgumentException(name + " must be at least 1: " + value);
    }
  }

  private static void requirePositive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
  }

  /** Collects settings; every one not set keeps its default. Not thread-safe. */
  public static final class Builder {
    private NodeId nodeId = NodeId.of("local");
    private boolean allowGuests = true;
    private int maxChannelsPerConnection = 100;
    private Duration recoveryWindow = Duration.ofMinutes(2);
    private final Map<RateLimiter.Action, RateLimit> rateLimits =
        new EnumMap<>(RateLimiter.Action.class);
    private int maxConnectionsPerUser = 10;
    private int newConnectionsPerAddressPerMinute = 300;
    private Duration dedupWindow = Duration.ofMinutes(10);
    private Duration offlineTtl = Duration.ofHours(24);
    private Duration presenceIdleAfter = Duration.ofMinutes(5);
    private SpamRules spamRules = SpamRules.DEFAULTS;
    private ChatRules chatRules = ChatRules.DEFAULTS;

    private Builder() {}

    public Builder nodeId(NodeId nodeId) {
      this.nodeId = nodeId;
      return this;
    }

    public Builder allowGuests(boolean allowGuests) {
      this.allowGuests = allowGuests;
      return this;
    }

    public Builder maxChannelsPerConnection(int max) {
      this.maxChannelsPerConnection = max;
      return this;
    }

    public Builder recoveryWindow(Duration window) {
      this.recoveryWindow = window;
      return this;
    }

    public Builder rateLimit(RateLimiter.Action action, RateLimit limit) {
      rateLimits.put(Objects.requireNonNull(action, "action"), limit);
      return this;
    }

    public Builder maxConnectionsPerUser(int max) {
      this.maxConnectionsPerUser = max;
      return this;
    }

    public Builder newConnectionsPerAddressPerMinute(int max) {
      this.newConnectionsPerAddressPerMinute = max;
      return this;
    }

    public Builder dedupWindow(Duration window) {
      this.dedupWindow = window;
      return this;
    }

    public Builder presenceIdleAfter(Duration idleAfter) {
      this.presenceIdleAfter = idleAfter;
      return this;
    }

    public Builder offlineTtl(Duration ttl) {
      this.offlineTtl = ttl;
      return this;
    }

    public Builder spamRules(SpamRules rules) {
      this.spamRules = rules;
      return this;
    }

    public Builder chatRules(ChatRules rules) {
      this.chatRules = rules;
      return this;
    }

    public CoreConfig build() {
      return new CoreConfig(
          nodeId,
          allowGuests,
          maxChannelsPerConnection,
          recoveryWindow,
          rateLimits,
          maxConnectionsPerUser,
          newConnectionsPerAddressPerMinute,
          dedupWindow,
          offlineTtl,
          presenceIdleAfter,
          spamRules,
          chatRules);
    }
  }
}
