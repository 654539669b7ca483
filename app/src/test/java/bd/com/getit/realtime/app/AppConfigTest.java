package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.adapter.websocket.engineio.WebSocketLayer;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.text.SpamRules;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppConfigTest {

  @Test
  void defaultsRunOnOneMachineInDevelopmentMode() {
    AppConfig config = AppConfig.from(Map.of());

    assertThat(config.port()).isEqualTo(8080);
    assertThat(config.socketIoPath()).isEqualTo("/socket.io/");
    assertThat(config.pingInterval()).isEqualTo(Duration.ofMillis(25_000));
    assertThat(config.pingTimeout()).isEqualTo(Duration.ofMillis(20_000));
    assertThat(config.maxPayload()).isEqualTo(1_000_000);
    assertThat(config.allowGuests()).isTrue();
    assertThat(config.recoveryWindow()).isEqualTo(Duration.ofMinutes(2));
    assertThat(config.corsOrigins()).containsExactly("*");
    assertThat(config.jwt().developmentMode()).isTrue();
  }

  @Test
  void aStoppingNodeClosesItsSocketsInPacedBatchesWithinTheGrace() {
    assertThat(AppConfig.from(Map.of()).drain())
        .isEqualTo(
            new DrainSettings(
                Duration.ofSeconds(10),
                new bd.com.getit.realtime.adapter.websocket.engineio.DrainPace(
                    500, Duration.ofMillis(100))));
    AppConfig config =
        AppConfig.from(
            Map.of(
                "REALTIME_SHUTDOWN_GRACE_SECONDS", "30",
                "REALTIME_DRAIN_BATCH_SIZE", "2000",
                "REALTIME_DRAIN_BATCH_INTERVAL_MS", "0"));
    assertThat(config.drain().grace()).isEqualTo(Duration.ofSeconds(30));
    assertThat(config.drain().pace().batchSize()).isEqualTo(2_000);
    assertThat(config.drain().pace().interval()).isZero();
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_DRAIN_BATCH_SIZE", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REALTIME_DRAIN_BATCH_SIZE");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_DRAIN_BATCH_INTERVAL_MS", "soon")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REALTIME_DRAIN_BATCH_INTERVAL_MS");
  }

  @Test
  void readsEveryVariable() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "REALTIME_PORT", "9090",
                "REALTIME_JWT_SECRET", "x".repeat(32),
                "REALTIME_ALLOW_GUESTS", "false",
                "REALTIME_PING_INTERVAL_MS", "300",
                "REALTIME_CORS_ORIGINS", "https://a.example, https://b.example",
                "REALTIME_JWT_ISSUER", "getit"));

    assertThat(config.port()).isEqualTo(9090);
    assertThat(config.allowGuests()).isFalse();
    assertThat(config.pingInterval()).isEqualTo(Duration.ofMillis(300));
    assertThat(config.corsOrigins()).isEqualTo(List.of("https://a.example", "https://b.example"));
    assertThat(config.jwt().developmentMode()).isFalse();
    assertThat(config.jwt().issuer()).contains("getit");
  }

  @Test
  void theSendQueueBudgetIsAQuarterOfTheHeapUnlessSet() {
    assertThat(AppConfig.from(Map.of()).sendQueueBudgetBytes())
        .isEqualTo(Runtime.getRuntime().maxMemory() / 4);
    assertThat(
            AppConfig.from(Map.of("REALTIME_SEND_QUEUE_BUDGET_BYTES", "8589934592"))
                .sendQueueBudgetBytes())
        .as("more than an int holds")
        .isEqualTo(8L * 1024 * 1024 * 1024);
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_SEND_QUEUE_BUDGET_BYTES", "1000")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_SEND_QUEUE_BUDGET_BYTES:")
        .hasMessageContaining("at least 65536");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_SEND_QUEUE_BUDGET_BYTES", "1GB")))
        .hasMessageStartingWith("REALTIME_SEND_QUEUE_BUDGET_BYTES:");
  }

  @Test
  void theWebsocketLayerIsOurOwnUnlessTyrusIsAskedFor() {
    assertThat(AppConfig.from(Map.of()).websocketLayer()).isEqualTo(WebSocketLayer.GRIZZLY);
    assertThat(AppConfig.from(Map.of("REALTIME_WEBSOCKET_LAYER", "tyrus")).websocketLayer())
        .isEqualTo(WebSocketLayer.TYRUS);
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_WEBSOCKET_LAYER", "jetty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_WEBSOCKET_LAYER:")
        .hasMessageContaining("grizzly or tyrus");
  }

  @Test
  void badValuesNameTheVariable() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_PORT", "eighty")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_PORT:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_PORT", "70000")))
        .hasMessageStartingWith("REALTIME_PORT:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_ALLOW_GUESTS", "maybe")))
        .hasMessageStartingWith("REALTIME_ALLOW_GUESTS:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_SOCKETIO_PATH", "socket.io")))
        .hasMessageStartingWith("REALTIME_SOCKETIO_PATH:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_JWT_PUBLIC_KEY", "/no/such/file")))
        .hasMessageStartingWith("REALTIME_JWT_PUBLIC_KEY:");
  }

  @Test
  void limitsAreConfigurable() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "REALTIME_MAX_CONNECTIONS_PER_USER", "3",
                "REALTIME_MAX_CHANNELS_PER_CONNECTION", "20",
                "REALTIME_RATE_LIMITS", "send_message=5, typing=200"));

    assertThat(config.limits().maxConnectionsPerUser()).isEqualTo(3);
    assertThat(config.limits().newConnectionsPerAddressPerMinute()).isEqualTo(300);
    assertThat(config.limits().maxChannelsPerConnection()).isEqualTo(20);
    assertThat(config.limits().perMinute())
        .containsEntry(RateLimiter.Action.SEND_MESSAGE, 5)
        .containsEntry(RateLimiter.Action.TYPING, 200)
        .hasSize(2);
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_RATE_LIMITS", "dancing=3")))
        .hasMessageStartingWith("REALTIME_RATE_LIMITS:")
        .hasMessageContaining("dancing");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_RATE_LIMITS", "typing=0")))
        .hasMessageStartingWith("REALTIME_RATE_LIMITS:");
  }

  @Test
  void spamThresholdsAreConfigurableAndCheckedByName() {
    assertThat(AppConfig.from(Map.of()).limits().spam()).isEqualTo(SpamRules.DEFAULTS);
    AppConfig config =
        AppConfig.from(
            Map.of(
                "REALTIME_SPAM_MAX_REPEATS", "2",
                "REALTIME_SPAM_MAX_LINKS", "0",
                "REALTIME_SPAM_MAX_ROOMS", "4",
                "REALTIME_SPAM_WINDOW_SECONDS", "300"));

    assertThat(config.limits().spam())
        .isEqualTo(new SpamRules(2, 0, 4, java.time.Duration.ofMinutes(5)));
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_SPAM_MAX_REPEATS", "0")))
        .hasMessageStartingWith("REALTIME_SPAM_MAX_REPEATS:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_SPAM_WINDOW_SECONDS", "soon")))
        .hasMessageStartingWith("REALTIME_SPAM_WINDOW_SECONDS:");
  }

  @Test
  void shortHmacSecretIsRefusedAtStart() {
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_JWT_SECRET", "too-short")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REALTIME_JWT_SECRET")
        .hasMessageContaining("32 bytes");
  }

  @Test
  void redisIsOffUnlessItsUrlIsSetAndThenHasDefaults() {
    assertThat(AppConfig.from(Map.of()).redis()).isEmpty();

    RedisSettings redis =
        AppConfig.from(Map.of("REALTIME_REDIS_URL", "rediss://:s3cret@cache.example:6380/2"))
            .redis()
            .orElseThrow();

    assertThat(redis.url().getHost()).isEqualTo("cache.example");
    assertThat(redis.poolSize()).isEqualTo(16);
    assertThat(redis.keyPrefix()).isEqualTo("realtime:");
    assertThat(redis.streamMaxLen()).isEqualTo(100_000);
    assertThat(redis.nodeTimeout()).isEqualTo(Duration.ofSeconds(30));
    assertThat(redis.chatHistoryMax()).isEqualTo(1_000);
    assertThat(redis.chatTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(redis.notificationsMax()).isEqualTo(500);
    assertThat(redis.notificationsTtl()).isEqualTo(Duration.ofDays(30));
    assertThat(redis.eventRetention()).isEqualTo(Duration.ofDays(1));
    assertThat(redis.toString()).doesNotContain("s3cret");
  }

  @Test
  void redisChatAndNotificationBoundsAreConfigurableAndCheckedByName() {
    RedisSettings redis =
        AppConfig.from(
                Map.of(
                    "REALTIME_REDIS_URL", "redis://127.0.0.1:6379",
                    "REALTIME_REDIS_CHAT_HISTORY_MAX", "200",
                    "REALTIME_REDIS_CHAT_TTL_DAYS", "7",
                    "REALTIME_REDIS_NOTIFICATIONS_MAX", "50",
                    "REALTIME_REDIS_NOTIFICATIONS_TTL_DAYS", "14",
                    "REALTIME_REDIS_EVENT_RETENTION_DAYS", "3"))
            .redis()
            .orElseThrow();
    assertThat(redis.chatHistoryMax()).isEqualTo(200);
    assertThat(redis.chatTtl()).isEqualTo(Duration.ofDays(7));
    assertThat(redis.notificationsMax()).isEqualTo(50);
    assertThat(redis.notificationsTtl()).isEqualTo(Duration.ofDays(14));
    assertThat(redis.eventRetention()).isEqualTo(Duration.ofDays(3));

    for (Map.Entry<String, String> bad :
        Map.of(
                "REALTIME_REDIS_CHAT_HISTORY_MAX", "0",
                "REALTIME_REDIS_CHAT_TTL_DAYS", "a week",
                "REALTIME_REDIS_NOTIFICATIONS_MAX", "-5",
                "REALTIME_REDIS_NOTIFICATIONS_TTL_DAYS", "0",
                "REALTIME_REDIS_EVENT_RETENTION_DAYS", "9999")
            .entrySet()) {
      assertThatThrownBy(
              () ->
                  AppConfig.from(
                      Map.of(
                          "REALTIME_REDIS_URL",
                          "redis://cache:6379",
                          bad.getKey(),
                          bad.getValue())))
          .isInstanceOf(ConfigException.class)
          .hasMessageContaining(bad.getKey());
    }
  }

  @Test
  void redisSettingsAreConfigurableAndCheckedByName() {
    RedisSettings redis =
        AppConfig.from(
                Map.of(
                    "REALTIME_REDIS_URL", "redis://127.0.0.1:6379",
                    "REALTIME_REDIS_POOL_SIZE", "4",
                    "REALTIME_REDIS_KEY_PREFIX", "shop:",
                    "REALTIME_REDIS_STREAM_MAXLEN", "5000",
                    "REALTIME_NODE_TIMEOUT_SECONDS", "10"))
            .redis()
            .orElseThrow();
    assertThat(redis.poolSize()).isEqualTo(4);
    assertThat(redis.keyPrefix()).isEqualTo("shop:");
    assertThat(redis.streamMaxLen()).isEqualTo(5_000);
    assertThat(redis.nodeTimeout()).isEqualTo(Duration.ofSeconds(10));

    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_REDIS_URL", "http://cache:6379")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REALTIME_REDIS_URL");
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("REALTIME_REDIS_URL", "redis-sentinel://s1:26379")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REALTIME_REDIS_URL")
        .hasMessageContaining("master-name");
    RedisSettings sentinel =
        AppConfig.from(
                Map.of(
                    "REALTIME_REDIS_URL", "redis-sentinel://:s3cret@s1:26379,s2:26379/primary/1"))
            .redis()
            .orElseThrow();
    assertThat(sentinel.toString())
        .contains("s1:26379,s2:26379/primary/1")
        .doesNotContain("s3cret");
    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "REALTIME_REDIS_URL", "redis://cache:6379",
                        "REALTIME_REDIS_POOL_SIZE", "0")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REALTIME_REDIS_POOL_SIZE");
  }

  @Test
  void jwksUrlIsReadAndExcludesTheOtherKeySources() {
    AppConfig config =
        AppConfig.from(
            Map.of(
                "REALTIME_JWT_JWKS_URL", "https://auth.example/.well-known/jwks.json",
                "REALTIME_JWT_JWKS_CACHE_SECONDS", "600"));
    assertThat(config.jwt().jwksUrl()).isPresent();
    assertThat(config.jwt().jwksCacheTtl()).isEqualTo(Duration.ofSeconds(600));
    assertThat(config.jwt().developmentMode()).isFalse();
    assertThat(AppConfig.from(Map.of()).jwt().jwksCacheTtl()).isEqualTo(Duration.ofMinutes(5));

    assertThatThrownBy(
            () ->
                AppConfig.from(
                    Map.of(
                        "REALTIME_JWT_SECRET",
                        "x".repeat(32),
                        "REALTIME_JWT_JWKS_URL",
                        "https://auth.example/jwks.json")))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("REALTIME_JWT_JWKS_URL");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_JWT_JWKS_URL", "ftp://a.example/k")))
        .hasMessageStartingWith("REALTIME_JWT_JWKS_URL:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_JWT_JWKS_URL", "not a url")))
        .hasMessageStartingWith("REALTIME_JWT_JWKS_URL:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_JWT_SECRET", "too-short")))
        .hasMessageStartingWith("REALTIME_JWT_SECRET:");
  }

  @Test
  void trustedProxiesAreIpsOrCidrsAndNoneByDefault() {
    assertThat(AppConfig.from(Map.of()).trustedProxies()).isEmpty();
    assertThat(
            AppConfig.from(Map.of("REALTIME_TRUSTED_PROXIES", "10.0.0.0/8, 192.0.2.7, fd00::/8"))
                .trustedProxies())
        .containsExactly("10.0.0.0/8", "192.0.2.7", "fd00::/8");
    assertThatThrownBy(
            () -> AppConfig.from(Map.of("REALTIME_TRUSTED_PROXIES", "10.0.0.0/8, lb.internal")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_TRUSTED_PROXIES:")
        .hasMessageContaining("lb.internal");
  }

  @Test
  void theNodeUrlDefaultsToTheListeningAddressAndIsCheckedByName() {
    ForwardSettings defaults = AppConfig.from(Map.of()).forwarding();
    assertThat(defaults.maxInFlight()).isEqualTo(10_000);
    assertThat(defaults.nodeUrl("10.1.2.3", 8080)).hasToString("http://10.1.2.3:8080");
    assertThat(defaults.nodeUrl("0.0.0.0", 8081).getPort()).isEqualTo(8081);
    assertThat(defaults.nodeUrl("0.0.0.0", 8081).getHost()).isNotEqualTo("0.0.0.0");

    ForwardSettings set =
        AppConfig.from(
                Map.of(
                    "REALTIME_NODE_URL", "http://rt-1.internal:9000",
                    "REALTIME_FORWARD_MAX_IN_FLIGHT", "50"))
            .forwarding();
    assertThat(set.nodeUrl("0.0.0.0", 8080)).hasToString("http://rt-1.internal:9000");
    assertThat(set.maxInFlight()).isEqualTo(50);

    assertThatThrownBy(
            () ->
                AppConfig.from(Map.of("REALTIME_NODE_URL", "http://rt-1.internal:9000/socket.io/")))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("REALTIME_NODE_URL:");
    assertThatThrownBy(() -> AppConfig.from(Map.of("REALTIME_FORWARD_MAX_IN_FLIGHT", "0")))
        .hasMessageStartingWith("REALTIME_FORWARD_MAX_IN_FLIGHT:");
  }
}
