package bd.com.getit.realtime.adapter.redis;

import static bd.com.getit.realtime.testkit.Stages.join;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.cluster.BusRecord;
import bd.com.getit.realtime.domain.cluster.ClusterMessage;
import bd.com.getit.realtime.testkit.TestEvents;
import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.args.ClientType;
import redis.clients.jedis.params.ClientKillParams;
import redis.clients.jedis.resps.StreamEntry;

/** What the Redis bus adds to the contract: resuming after a lost connection, bad entries. */
class RedisClusterBusResumeTest {
  @RegisterExtension static final TestRedis redis = new TestRedis();

  private static final NodeId A = NodeId.of("node-a");
  private static final NodeId B = NodeId.of("node-b");

  private final Redis keys = redis.fresh();
  private final RedisClusterBus bus = new RedisClusterBus(keys, 1_000, 200);
  private final List<BusRecord> atB = new CopyOnWriteArrayList<>();

  @AfterEach
  void closeBus() {
    bus.close();
  }

  private Jedis raw() {
    return new Jedis(redis.uri());
  }

  private void append(Jedis jedis, String id) {
    jedis.xadd(
        keys.key("BUS"),
        StreamEntryID.NEW_ENTRY,
        Map.of("origin", A.value(), "type", "event", "event", Codec.event(TestEvents.withId(id))));
  }

  private List<String> idsAtB() {
    return atB.stream().map(r -> r.event().orElseThrow().id().value()).toList();
  }

  @Test
  void publicationsWhileRedisIsAwayReachTheOtherNodesInOrderOnceItIsBack() throws Exception {
    EmbeddedRedis own = EmbeddedRedis.embedded();
    Redis client = new Redis(RedisOptions.of(own.uri()).withPoolSize(2));
    RedisClusterBus publisher = new RedisClusterBus(client, 1_000, 200, 3);
    RedisClusterBus other = new RedisClusterBus(client, 1_000, 200);
    List<BusRecord> atOther = new CopyOnWriteArrayList<>();
    other.subscribe(B, atOther::add);
    try {
      join(publisher.publish(A, TestEvents.published("before")));
      await().atMost(5, SECONDS).until(() -> atOther.size() == 1);
      own.stop();

      List<StreamOffset> offsets = new java.util.ArrayList<>();
      for (String id : List.of("away-1", "away-2", "away-3", "away-4")) {
        offsets.add(join(publisher.publish(A, TestEvents.published(id))));
      }
      assertThat(offsets)
          .as("the publisher is answered at once with local offsets")
          .allSatisfy(o -> assertThat(o.value()).startsWith("local-"));
      assertThat(publisher.buffered()).isEqualTo(3);
      assertThat(publisher.dropped()).as("past the outbox's 3").isEqualTo(1);

      own.start();
      join(publisher.publish(A, TestEvents.published("after")));
      await()
          .atMost(15, SECONDS)
          .untilAsserted(
              () ->
                  assertThat(atOther.stream().map(r -> r.event().orElseThrow().id().value()))
                      .containsExactly("before", "away-1", "away-2", "away-3", "after"));
      assertThat(publisher.buffered()).isZero();
    } finally {
      publisher.close();
      other.close();
      client.close();
      own.close();
    }
  }

  @Test
  void publicationsGetOffsetsInTheOrderTheyWerePublished() {
    StreamOffset start = join(bus.publish(A, TestEvents.published("start")));
    List<java.util.concurrent.CompletableFuture<StreamOffset>> offsets =
        new java.util.ArrayList<>();
    for (int i = 0; i < 300; i++) {
      // Not awaited one by one: the bus must keep the order of calls, not of completions.
      offsets.add(bus.publish(A, TestEvents.published("e" + i)).toCompletableFuture());
    }
    List<StreamEntryID> ids =
        offsets.stream().map(f -> new StreamEntryID(f.join().value())).toList();
    assertThat(ids).isSortedAccordingTo(StreamEntryID::compareTo).doesNotHaveDuplicates();
    List<String> replayed =
        join(bus.since(start)).orElseThrow().stream()
            .map(r -> r.event().orElseThrow().id().value())
            .toList();
    assertThat(replayed)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 300).mapToObj(i -> "e" + i).toList());
  }

  @Test
  void afterALostConnectionTheReaderResumesFromItsLastId() {
    bus.subscribe(B, atB::add);
    join(bus.publish(A, TestEvents.published("before")));
    await().atMost(5, SECONDS).until(() -> idsAtB().contains("before"));

    try (Jedis admin = raw()) {
      admin.clientKill(
          ClientKillParams.clientKillParams()
              .type(ClientType.NORMAL)
              .skipMe(ClientKillParams.SkipMe.YES));
      append(admin, "during-1");
      append(admin, "during-2");
    }

    await()
        .atMost(10, SECONDS)
        .untilAsserted(
            () -> assertThat(idsAtB()).containsExactly("before", "during-1", "during-2"));
    assertThat(bus.readerAlive()).isTrue();
  }

  @Test
  void anUndecodableEntryIsSkippedAndTheNextOnesArrive() {
    bus.subscribe(B, atB::add);
    // The reader is live first (a bus that met a dead pooled connection at start, as after
    // another test's CLIENT KILL, begins at the stream's end once it reads).
    join(bus.publish(A, TestEvents.published("start")));
    await().atMost(10, SECONDS).untilAsserted(() -> assertThat(idsAtB()).containsExactly("start"));
    try (Jedis jedis = raw()) {
      jedis.xadd(
          keys.key("BUS"),
          StreamEntryID.NEW_ENTRY,
          Map.of("origin", A.value(), "event", "{not json"));
      append(jedis, "good");
    }

    await()
        .atMost(10, SECONDS)
        .untilAsserted(() -> assertThat(idsAtB()).containsExactly("start", "good"));
  }

  @Test
  void anEntryOfAnUnknownTypeIsSkippedNotTakenForAnotherType() {
    bus.subscribe(B, atB::add);
    StreamOffset start = join(bus.publish(A, TestEvents.published("start")));
    try (Jedis jedis = raw()) {
      // A newer node's command type, with fields an older reader could mistake for an event.
      jedis.xadd(
          keys.key("BUS"),
          StreamEntryID.NEW_ENTRY,
          Map.of(
              "origin",
              A.value(),
              "type",
              "shutdown_node",
              "event",
              Codec.event(TestEvents.withId("in-disguise")),
              "connection",
              "sock-1"));
      append(jedis, "good");
    }

    await()
        .atMost(5, SECONDS)
        .untilAsserted(() -> assertThat(idsAtB()).containsExactly("start", "good"));
    assertThat(join(bus.since(start)).orElseThrow())
        .extracting(r -> r.event().orElseThrow().id().value())
        .containsExactly("good");
  }

  @Test
  void anEntryWithoutATypeFromBeforeTypesExistedIsAnEvent() {
    bus.subscribe(B, atB::add);
    try (Jedis jedis = raw()) {
      jedis.xadd(
          keys.key("BUS"),
          StreamEntryID.NEW_ENTRY,
          Map.of("origin", A.value(), "event", Codec.event(TestEvents.withId("legacy"))));
    }

    await()
        .atMost(5, SECONDS)
        .untilAsserted(
            () ->
                assertThat(atB)
                    .singleElement()
                    .satisfies(
                        r ->
                            assertThat(r.message())
                                .isInstanceOf(ClusterMessage.PublishedEvent.class)));
  }

  @Test
  void aDisconnectCommandIsWrittenWithItsType() {
    ClusterMessage command = new ClusterMessage.DisconnectCommand(ConnectionId.of("sock-9"));
    // A pooled connection that another test's CLIENT KILL broke may fail one publish, which then
    // gets a local offset (nothing written): publish until Redis has it.
    StreamOffset offset =
        await()
            .atMost(5, SECONDS)
            .until(() -> join(bus.publish(A, command)), o -> !o.value().startsWith("local-"));

    try (Jedis jedis = raw()) {
      StreamEntry newest = jedis.xrevrange(keys.key("BUS"), "+", "-", 1).get(0);
      assertThat(newest.getID().toString()).isEqualTo(offset.value());
      assertThat(newest.getFields())
          .containsExactlyInAnyOrderEntriesOf(
              Map.of("origin", A.value(), "type", "disconnect", "connection", "sock-9"));
    }
  }

  @Test
  void sinceAnOffsetThisBusNeverIssuedIsEmpty() {
    join(bus.publish(A, TestEvents.published("e1")));

    assertThat(join(bus.since(new StreamOffset("not-an-id")))).isEmpty();
    assertThat(join(bus.since(new StreamOffset("00000000000000000001")))).isEmpty();
    assertThat(join(bus.since(new StreamOffset("99999999999999-0")))).isEmpty();
  }

  @Test
  void publishingAfterCloseFails() {
    bus.close();

    assertThat(bus.publish(A, TestEvents.published("late")).toCompletableFuture())
        .isCompletedExceptionally();
  }
}
