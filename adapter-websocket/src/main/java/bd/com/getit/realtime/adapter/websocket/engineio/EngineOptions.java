package bd.com.getit.realtime.adapter.websocket.engineio;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable Engine.IO server settings, defaults as the reference Node server.
 *
 * @param path the exact request path, with leading and trailing slash
 * @param pingInterval how long after the last heartbeat the server pings
 * @param pingTimeout how long the server waits for the pong before closing with {@code ping
 *     timeout}
 * @param maxPayload the largest polling payload or websocket frame accepted, in bytes
 * @param upgradeTimeout how long an upgrade from polling to websocket may take
 * @param sendQueueBytes the bound of each session's send queue, in bytes
 * @param transports the allowed transports, {@code polling} and/or {@code websocket}
 * @param corsOrigins origins allowed to poll cross-origin; {@code *} allows any; empty: no CORS
 * @param compression whether and from what size websocket frames and polling responses are
 *     compressed
 * @param sendQueueBudgetBytes the most bytes the send queues of all sessions may hold together
 *     ({@link SendQueueBudget}); by default a quarter of the largest heap
 * @param websocketLayer what carries the websockets when the engine runs on its own Grizzly server
 *     ({@link EngineServer#install}); this adapter's own layer by default, Tyrus as the fallback
 */
public record EngineOptions(
    String path,
    Duration pingInterval,
    Duration pingTimeout,
    int maxPayload,
    Duration upgradeTimeout,
    long sendQueueBytes,
    Set<String> transports,
    List<String> corsOrigins,
    Compression compression,
    long sendQueueBudgetBytes,
    WebSocketLayer websocketLayer) {

  /** The polling transport's name. */
  public static final String POLLING = "polling";

  /** The websocket transport's name. */
  public static final String WEBSOCKET = "websocket";

  public EngineOptions {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(pingInterval, "pingInterval");
    Objects.requireNonNull(pingTimeout, "pingTimeout");
    Objects.requireNonNull(upgradeTimeout, "upgradeTimeout");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(websocketLayer, "websocketLayer");
    transports = Set.copyOf(Objects.requireNonNull(transports, "transports"));
    corsOrigins = List.copyOf(Objects.requireNonNull(corsOrigins, "corsOrigins"));
    if (!path.startsWith("/") || !path.endsWith("/")) {
      throw new IllegalArgumentException("path must start and end with '/': " + path);
    }
    requirePositive(pingInterval, "pingInterval");
    requirePositive(pingTimeout, "pingTimeout");
    requirePositive(upgradeTimeout, "upgradeTimeout");
    if (maxPayload <= 0) {
      throw new IllegalArgumentException("maxPayload must be positive");
    }
    if (sendQueueBytes <= 0) {
      throw new IllegalArgumentException("sendQueueBytes must be positive");
    }
    if (sendQueueBudgetBytes <= 0) {
      throw new IllegalArgumentException("sendQueueBudgetBytes must be positive");
    }
    if (transports.isEmpty() || !Set.of(POLLING, WEBSOCKET).containsAll(transports)) {
      throw new IllegalArgumentException("transports must be polling and/or websocket");
    }
  }

  private static void requirePositive(Duration duration, String name) {
    if (duration.isNegative() || duration.isZero() || duration.toMillis() > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(name + " must be positive milliseconds");
    }
  }

  /** The defaults of the reference server. */
  public static EngineOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Whether a cross-origin poll from {@code origin} may read the response. */
  boolean allowsOrigin(String origin) {
    return origin != null && (corsOrigins.contains("*") || corsOrigins.contains(origin));
  }

  /** Builds {@link EngineOptions}, starting from the reference defaults. */
  public static final class Builder {
    private String path = "/socket.io/";
    private Duration pingInterval = Duration.ofMillis(25_000);
    private Duration pingTimeout = Duration.ofMillis(20_000);
    private int maxPayload = 1_000_000;
    private Duration upgradeTimeout = Duration.ofMillis(10_000);
    private long sendQueueBytes = 4L * 1024 * 1024;
    private Set<String> transports = Set.of(POLLING, WEBSOCKET);
    private List<String> corsOrigins = List.of();
    private Compression compression = Compression.DEFAULT;
    private long sendQueueBudgetBytes = SendQueueBudget.defaultLimitBytes();
    private WebSocketLayer websocketLayer = WebSocketLayer.GRIZZLY;

    private Builder() {}

    public Builder path(String path) {
      this.path = path;
      return this;
    }

    public Builder pingInterval(Duration pingInterval) {
      this.pingInterval = pingInterval;
      return this;
    }

    public Builder pingTimeout(Duration pingTimeout) {
      this.pingTimeout = pingTimeout;
      return this;
    }

    public Builder maxPayload(int maxPayload) {
      this.maxPayload = maxPayload;
      return this;
    }

    public Builder upgradeTimeout(Duration upgradeTimeout) {
      this.upgradeTimeout = upgradeTimeout;
      return this;
    }

    public Builder sendQueueBytes(long sendQueueBytes) {
      this.sendQueueBytes = sendQueueBytes;
      return this;
    }

    public Builder transports(Set<String> transports) {
      this.transports = transports;
      return this;
    }

    public Builder corsOrigins(List<String> corsOrigins) {
      this.corsOrigins = corsOrigins;
      return this;
    }

    public Builder compression(Compression compression) {
      this.compression = compression;
      return this;
    }

    public Builder sendQueueBudgetBytes(long sendQueueBudgetBytes) {
      this.sendQueueBudgetBytes = sendQueueBudgetBytes;
      return this;
    }

    public Builder websocketLayer(WebSocketLayer websocketLayer) {
      this.websocketLayer = websocketLayer;
      return this;
    }

    public EngineOptions build() {
      return new EngineOptions(
          path,
          pingInterval,
          pingTimeout,
          maxPayload,
          upgradeTimeout,
          sendQueueBytes,
          transports,
          corsOrigins,
          compression,
          sendQueueBudgetBytes,
          websocketLayer);
    }
  }
}
