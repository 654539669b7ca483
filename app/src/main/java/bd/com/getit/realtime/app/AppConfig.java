package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.websocket.engineio.SendQueueBudget;
import bd.com.getit.realtime.adapter.websocket.engineio.WebSocketLayer;
import bd.com.getit.realtime.adapter.websocket.gateway.ClientAddressResolver;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.text.SpamRules;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The reference server's configuration, read once from environment variables; every variable has a
 * default that runs on one machine with nothing else installed (docs/configuration.md).
 */
public record AppConfig(
    String host,
    int port,
    String socketIoPath,
    String nodeId,
    Duration pingInterval,
    Duration pingTimeout,
    int maxPayload,
    Duration connectTimeout,
    Duration handshakeTimeout,
    boolean allowGuests,
    Duration recoveryWindow,
    List<String> corsOrigins,
    List<String> trustedProxies,
    DrainSettings drain,
    Limits limits,
    JwtSettings jwt,
    Optional<RedisSettings> redis,
    Optional<MongoSettings> mongo,
    Optional<KafkaSettings> kafka,
    ForwardSettings forwarding,
    ChatSettings chat,
    Path devSocketIoClient,
    OperationsSettings operations,
    MobileSettings mobile,
    long sendQueueBudgetBytes,
    Optional<Path> notificationTemplatesDir,
    WebSocketLayer websocketLayer) {

  /**
   * Connection and rate limits (PROTOCOL section 7); {@code perMinute} overrides the default
   * per-minute limit of the named actions ({@code send_message}, {@code join_channel}, ...); {@code
   * spam} holds the thresholds of the chat spam rules ({@code REALTIME_SPAM_*}).
   */
  public record Limits(
      int maxConnectionsPerUser,
      int newConnectionsPerAddressPerMinute,
      int maxChannelsPerConnection,
      Map<RateLimiter.Action, Integer> perMinute,
      SpamRules spam) {
    public Limits {
      perMinute = Map.copyOf(perMinute);
      java.util.Objects.requireNonNull(spam, "spam");
    }
  }

  public static AppConfig fromEnvironment() {
    return from(System.getenv());
  }

  /** Reads the configuration from {@code vars}; a bad value throws one {@link ConfigException}. */
  public static AppConfig from(Map<String, String> vars) {
    return from(new Env(vars));
  }

  /** Reads through {@code env}, which remembers every value read (check-config prints them). */
  static AppConfig from(Env env) {
    Optional<String> secret = env.text("REALTIME_JWT_SECRET");
    Optional<String> publicKey = env.text("REALTIME_JWT_PUBLIC_KEY").map(AppConfig::pemOrFile);
    Optional<URI> jwks = env.uri("REALTIME_JWT_JWKS_URL");
    jwks.filter(u -> !"https".equals(u.getScheme()) && !"http".equals(u.getScheme()))
        .ifPresent(
            u -> {
              throw new ConfigException("REALTIME_JWT_JWKS_URL", "must be an http(s) URL");
            });
    JwtSettings jwt =
        new JwtSettings(
            secret,
            publicKey,
            jwks,
            Duration.ofSeconds(env.integer("REALTIME_JWT_JWKS_CACHE_SECONDS", 300, 60, 86_400)),
            env.text("REALTIME_JWT_ISSUER"),
            env.text("REALTIME_JWT_AUDIENCE"),
            env.bool("REALTIME_JWT_REQUIRE_EXP", true),
            Duration.ofSeconds(env.integer("REALTIME_JWT_CLOCK_SKEW_SECONDS", 30, 0, 300)),
            secret.isEmpty() && publicKey.isEmpty() && jwks.isEmpty());
    String path = env.text("REALTIME_SOCKETIO_PATH", "/socket.io/");
    if (!path.startsWith("/") || !path.endsWith("/")) {
      throw new ConfigException(
          "REALTIME_SOCKETIO_PATH", "must start and end with '/', was " + path);
    }
    String host = env.text("REALTIME_HOST", "0.0.0.0");
    int port = env.integer("REALTIME_PORT", 8080, 0, 65535);
    return new AppConfig(
        host,
        port,
        path,
        env.text("REALTIME_NODE_ID", "node-" + UUID.randomUUID().toString().substring(0, 8)),
        env.millis("REALTIME_PING_INTERVAL_MS", Duration.ofMillis(25_000), 100, 600_000),
        env.millis("REALTIME_PING_TIMEOUT_MS", Duration.ofMillis(20_000), 100, 600_000),
        env.integer("REALTIME_MAX_PAYLOAD", 1_000_000, 1_024, 100_000_000),
        env.millis("REALTIME_CONNECT_TIMEOUT_MS", Duration.ofMillis(45_000), 100, 600_000),
        env.millis("REALTIME_HANDSHAKE_TIMEOUT_MS", Duration.ofMillis(10_000), 100, 600_000),
        env.bool("REALTIME_ALLOW_GUESTS", true),
        Duration.ofSeconds(env.integer("REALTIME_RECOVERY_WINDOW_SECONDS", 120, 1, 86_400)),
        env.list("REALTIME_CORS_ORIGINS", List.of("*")),
        trustedProxies(env),
        DrainSettings.from(env),
        new Limits(
            env.integer("REALTIME_MAX_CONNECTIONS_PER_USER", 10, 1, 10_000),
            env.integer("REALTIME_NEW_CONNECTIONS_PER_ADDRESS_PER_MINUTE", 300, 1, 1_000_000),
            env.integer("REALTIME_MAX_CHANNELS_PER_CONNECTION", 100, 1, 10_000),
            rateLimits(env),
            spamRules(env)),
        jwt,
        RedisSettings.from(env),
        MongoSettings.from(env),
        KafkaSettings.from(env),
        ForwardSettings.from(env),
        ChatSettings.from(env),
        devSocketIoClient(env),
        OperationsSettings.from(env, host, port),
        MobileSettings.from(env),
        sendQueueBudget(env),
        templatesDir(env),
        websocketLayer(env));
  }

  /**
   * {@code REALTIME_WEBSOCKET_LAYER}: {@code grizzly} (the default, this server's own websocket
   * layer) or {@code tyrus} (the jakarta.websocket container, to compare or fall back).
   */
  private static WebSocketLayer websocketLayer(Env env) {
    String name = "REALTIME_WEBSOCKET_LAYER";
    String value = env.text(name, "grizzly");
    try {
      return WebSocketLayer.of(value);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(name, "must be grizzly or tyrus, was '" + value + "'");
    }
  }

  /**
   * Development mode's demo page loads the official browser client from this file (the npm
   * package's {@code dist/socket.io.min.js}): the jar does not ship it, no WebJar of it is served.
   */
  private static Path devSocketIoClient(Env env) {
    String name = "REALTIME_DEV_SOCKETIO_CLIENT";
    String value = env.text(name, "node_modules/socket.io-client/dist/socket.io.min.js");
    try {
      return Path.of(value);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException(name, "is not a file path: " + value);
    }
  }

  /**
   * {@code REALTIME_SEND_QUEUE_BUDGET_BYTES}: what the send queues of all sockets of this node may
   * hold together; by default a quarter of the largest heap ({@code -Xmx}).
   */
  private static long sendQueueBudget(Env env) {
    String name = "REALTIME_SEND_QUEUE_BUDGET_BYTES";
    Optional<String> raw = env.text(name);
    if (raw.isEmpty()) {
      return SendQueueBudget.defaultLimitBytes();
    }
    try {
      long bytes = Long.parseLong(raw.get().strip());
      if (bytes < 65_536) {
        throw new ConfigException(name, "must be at least 65536 bytes, was " + bytes);
      }
      return bytes;
    } catch (NumberFormatException e) {
      throw new ConfigException(name, "must be a number of bytes, was '" + raw.get() + "'");
    }
  }

  /**
   * {@code REALTIME_NOTIFICATION_TEMPLATES_DIR}: a directory of {@code *.properties} template files
   * that add to or replace the templates shipped in the jar; read (and checked) at start.
   */
  private static Optional<Path> templatesDir(Env env) {
    String name = "REALTIME_NOTIFICATION_TEMPLATES_DIR";
    Optional<String> value = env.text(name);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    try {
      Path dir = Path.of(value.get());
      if (!Files.isDirectory(dir) || !Files.isReadable(dir)) {
        throw new ConfigException(name, "is not a readable directory: " + value.get());
      }
      return Optional.of(dir);
    } catch (java.nio.file.InvalidPathException e) {
      throw new ConfigException(name, "is not a path: " + value.get());
    }
  }

  /** {@code REALTIME_RATE_LIMITS=send_message=30,typing=120}: per-minute limits by action. */
  private static Map<RateLimiter.Action, Integer> rateLimits(Env env) {
    String name = "REALTIME_RATE_LIMITS";
    Map<RateLimiter.Action, Integer> limits = new EnumMap<>(RateLimiter.Action.class);
    for (String entry : env.list(name, List.of())) {
      String[] parts = entry.split("=", 2);
      RateLimiter.Action action;
      try {
        action = RateLimiter.Action.valueOf(parts[0].strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(name, "unknown action '" + parts[0].strip() + "'");
      }
      try {
        int perMinute = parts.length == 2 ? Integer.parseInt(parts[1].strip()) : -1;
        if (perMinute < 1) {
          throw new NumberFormatException();
        }
        limits.put(action, perMinute);
      } catch (NumberFormatException e) {
        throw new ConfigException(name, "expected action=N with N >= 1, was '" + entry + "'");
      }
    }
    return limits;
  }

  /** The thresholds of the chat spam rules, each defaulting to {@link SpamRules#DEFAULTS}. */
  private static SpamRules spamRules(Env env) {
    SpamRules d = SpamRules.DEFAULTS;
    return new SpamRules(
        env.integer("REALTIME_SPAM_MAX_REPEATS", d.maxRepeats(), 1, 10_000),
        env.integer("REALTIME_SPAM_MAX_LINKS", d.maxLinks(), 0, 1_000),
        env.integer("REALTIME_SPAM_MAX_ROOMS", d.maxRooms(), 1, 100_000),
        Duration.ofSeconds(
            env.integer("REALTIME_SPAM_WINDOW_SECONDS", (int) d.window().toSeconds(), 1, 86_400)));
  }

  /** {@code REALTIME_TRUSTED_PROXIES=10.0.0.0/8,192.0.2.7}: IPs or CIDR blocks, default none. */
  private static List<String> trustedProxies(Env env) {
    List<String> proxies = env.list("REALTIME_TRUSTED_PROXIES", List.of());
    try {
      ClientAddressResolver.trusting(proxies);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("REALTIME_TRUSTED_PROXIES", e.getMessage());
    }
    return proxies;
  }

  /** A PEM given inline, or the path of a file holding it. */
  private static String pemOrFile(String value) {
    if (value.contains("-----BEGIN")) {
      return value;
    }
    try {
      return Files.readString(Path.of(value));
    } catch (java.io.IOException | java.nio.file.InvalidPathException e) {
      throw new ConfigException(
          "REALTIME_JWT_PUBLIC_KEY", "is neither a PEM key nor a readable file: " + value);
    }
  }
}
