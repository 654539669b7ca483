package bd.com.getit.realtime.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import bd.com.getit.realtime.testsupport.FreePorts;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Jedis;
import redis.embedded.RedisSentinel;

/**
 * Redis high availability through Sentinel, against real processes (the embedded-redis binary as a
 * primary, a replica and a sentinel): the client finds the primary through the sentinel and follows
 * it after a failover, so the stores keep working on the promoted replica.
 */
class RedisSentinelIT {
  private static final String MASTER = "realtime-primary";

  private EmbeddedRedis primary;
  private EmbeddedRedis replica;
  private RedisSentinel sentinel;
  private Redis redis;

  @AfterEach
  void stop() throws Exception {
    if (redis != null) {
      redis.close();
    }
    if (sentinel != null) {
      sentinel.stop();
    }
    for (EmbeddedRedis server : new EmbeddedRedis[] {replica, primary}) {
      if (server != null) {
        server.close();
      }
    }
  }

  @Test
  void theClientFindsThePrimaryThroughTheSentinelAndFollowsAFailover() throws Exception {
    primary = EmbeddedRedis.embedded();
    int primaryPort = primary.port();
    replica = EmbeddedRedis.embedded("replicaof 127.0.0.1 " + primaryPort);
    int replicaPort = replica.port();
    int sentinelPort = FreePorts.pick();
    try (Jedis r = new Jedis("127.0.0.1", replicaPort)) {
      await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> r.info("replication").contains("master_link_status:up"));
    }
    sentinel =
        RedisSentinel.newRedisSentinel()
            .bind("127.0.0.1")
            .port(sentinelPort)
            .masterName(MASTER)
            .masterPort(primaryPort)
            .quorumSize(1)
            .downAfterMilliseconds(1_000)
            .failOverTimeout(5_000)
            .build();
    sentinel.start();
    try (Jedis s = new Jedis("127.0.0.1", sentinelPort)) {
      await().atMost(Duration.ofSeconds(30)).until(() -> !s.sentinelReplicas(MASTER).isEmpty());
    }

    redis =
        new Redis(
            RedisOptions.of(URI.create("redis-sentinel://127.0.0.1:" + sentinelPort + "/" + MASTER))
                .withPoolSize(2));
    redis.call(c -> c.set("before", "1")).toCompletableFuture().join();
    try (Jedis p = new Jedis("127.0.0.1", primaryPort)) {
      assertThat(p.get("before")).as("written on the primary").isEqualTo("1");
    }

    try (Jedis s = new Jedis("127.0.0.1", sentinelPort)) {
      s.sentinelFailover(MASTER);
    }
    // The promoted replica drops its clients as it switches role: a fresh connection per look.
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(
            () -> {
              try (Jedis r = new Jedis("127.0.0.1", replicaPort)) {
                return r.info("replication").contains("role:master");
              }
            });

    // Calls during the switch may fail; once the client follows, writes land on the new primary.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptions()
        .untilAsserted(
            () -> {
              redis.call(c -> c.set("after", "2")).toCompletableFuture().join();
              try (Jedis promoted = new Jedis("127.0.0.1", replicaPort)) {
                assertThat(promoted.get("after")).isEqualTo("2");
              }
            });
    assertThat(redis.call(c -> c.get("before")).toCompletableFuture().join())
        .as("what was written before the failover is still there")
        .isEqualTo("1");
  }

  @Test
  void aSentinelUrlIsParsedWithItsSentinelsMasterCredentialsAndDatabase() {
    RedisEndpoint.Sentinel endpoint =
        (RedisEndpoint.Sentinel)
            RedisEndpoint.of(
                URI.create("rediss-sentinel://app:s%40cret@h1:26379,h2:26380/primary-a/3"));

    assertThat(endpoint.master()).isEqualTo("primary-a");
    assertThat(endpoint.sentinels())
        .extracting(Object::toString)
        .containsExactlyInAnyOrder("h1:26379", "h2:26380");
    assertThat(endpoint.tls()).isTrue();
    assertThat(endpoint.user()).contains("app");
    assertThat(endpoint.password()).contains("s@cret");
    assertThat(endpoint.database()).isEqualTo(3);
    assertThat(endpoint.toString()).doesNotContain("cret");
  }

  @Test
  void aBadSentinelUrlIsRefusedWithAClearReason() {
    Map<String, String> bad =
        Map.of(
            "redis-sentinel:///primary", "names its sentinels",
            "redis-sentinel://h1:26379", "master-name",
            "redis-sentinel://h1/primary", "host:port",
            "redis-sentinel://h1:99999/primary", "1 to 65535",
            "redis-sentinel://h1:26379/primary/x", "a number",
            "memcached://h1:11211", "starts with");
    for (var e : bad.entrySet()) {
      assertThatThrownBy(() -> RedisEndpoint.of(URI.create(e.getKey())))
          .as(e.getKey())
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(e.getValue());
    }
    assertThat(List.of(RedisEndpoint.of(URI.create("redis://h:6379"))))
        .first()
        .isInstanceOf(RedisEndpoint.Single.class);
  }
}
