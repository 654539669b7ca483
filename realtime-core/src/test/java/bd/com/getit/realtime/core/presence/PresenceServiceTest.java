package bd.com.getit.realtime.core.presence;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryChatRepository;
import bd.com.getit.realtime.adapter.memory.InMemoryPresenceStore;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.core.testing.Fixtures;
import bd.com.getit.realtime.core.testing.RecordingRateLimiter;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.domain.connection.Bandwidth;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.connection.ConnectionQuality;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.OnlineUsers;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.port.in.PresenceUseCase.UpdatePresenceCommand;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.LocalDelivery;
import bd.com.getit.realtime.port.out.PresenceStore;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PresenceServiceTest {

  private static final Principal ALICE = Fixtures.customer("alice");
  private static final Principal BOB = Fixtures.customer("bob");

  private final MutableClock clock = new MutableClock();
  private final InMemoryPresenceStore store = new InMemoryPresenceStore();
  private final InMemoryChatRepository chats = new InMemoryChatRepository();
  private final CapturingFanout fanout = new CapturingFanout();
  private final RecordingRateLimiter limiter = new RecordingRateLimiter();
  private final ConnectionRegistry registry = mock(ConnectionRegistry.class);
  private final LocalDelivery delivery = mock(LocalDelivery.class);
  private final PresenceService presence =
      new PresenceService(
          store,
          registry,
          chats,
          fanout,
          clock,
          new SequentialIds(),
          limiter,
          PresenceService.DEFAULT_IDLE_AFTER,
          delivery);

  @BeforeEach
  void aliceIsInARoom() {
    Instant t = MutableClock.DEFAULT_START;
    done(
        chats.saveRoom(
            new ChatRoom(
                RoomId.of("r1"),
                RoomType.GROUP_CHAT,
                RoomStatus.ACTIVE,
                ALICE.user(),
                JsonObject.EMPTY,
                List.of(
                    new Participant(ALICE.user(), ParticipantRole.CUSTOMER, t, Optional.empty()),
                    new Participant(BOB.user(), ParticipantRole.CUSTOMER, t, Optional.empty())),
                t)));
  }

  private static ConnectionInfo conn(Principal p, String id) {
    return new ConnectionInfo(
        ConnectionId.of(id),
        p.user(),
        NodeId.of("n1"),
        "websocket",
        "127.0.0.1",
        MutableClock.DEFAULT_START,
        Set.of());
  }

  private static JsonObject json(String key, JsonValue value) {
    return new JsonObject(Map.of(key, value));
  }

  private static JsonValue.JsonString str(String s) {
    return new JsonValue.JsonString(s);
  }

  private Presence update(Caller caller, JsonObject body) {
    return done(presence.update(new UpdatePresenceCommand(caller, body)));
  }

  private ErrorCode updateFails(Caller caller, JsonObject body) {
    return code(presence.update(new UpdatePresenceCommand(caller, body)));
  }

  private DevicePresence device(UserId user, String id) {
    return done(store.devices(user)).stream()
        .filter(d -> d.connection().value().equals(id))
        .findFirst()
        .orElseThrow();
  }

  private void connect(Principal p, String id) {
    done(presence.connected(p, conn(p, id)));
  }

  @Test
  void connectionStartsAnOnlineDeviceAndTellsRoomsAndAdmins() {
    connect(ALICE, "s1");

    DevicePresence d = device(ALICE.user(), "s1");
    assertThat(d.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(d.lastActivity()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(fanout.events())
        .extracting(Event::channel)
        .containsExactly(ChannelName.parse("chat:r1"), ChannelName.ADMIN_PRESENCE);
    Event e = fanout.events().get(0);
    assertThat(e.name()).isEqualTo("presence_update");
    assertThat(e.priority()).isEqualTo(Priority.LOW);
    assertThat(e.ttl()).isZero();
    assertThat(e.recipients()).isEmpty();
    assertThat(e.persist()).isFalse();
    assertThat(e.timestamp()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(fanout.published()).allMatch(p -> p.except().isEmpty());
    assertThat(e.data().toJson())
        .isEqualTo(
            "{\"user_id\":\"alice\",\"status\":\"online\",\"last_seen\":\"2026-01-01T00:00:00Z\","
                + "\"current_page\":null,\"device_count\":1}");
    assertThat(fanout.events().get(1).data()).isEqualTo(e.data());
    assertThat(fanout.events().get(0).id()).isNotEqualTo(fanout.events().get(1).id());
  }

  @Test
  void guestsHaveNoPresence() {
    Principal guest = Fixtures.guest("g1");
    done(presence.connected(guest, conn(guest, "g1")));
    done(presence.disconnected(guest, conn(guest, "g1")));
    assertThat(done(store.online())).isEmpty();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void lastDisconnectRecordsLastSeenAndTellsTheRoomsOffline() {
    connect(ALICE, "s1");
    clock.advance(Duration.ofMinutes(3));
    done(presence.disconnected(ALICE, conn(ALICE, "s1")));

    assertThat(done(store.devices(ALICE.user()))).isEmpty();
    assertThat(done(store.lastSeen(ALICE.user()))).contains(clock.now());
    Event last = fanout.events().get(fanout.events().size() - 1);
    assertThat(last.data().toJson())
        .isEqualTo(
            "{\"user_id\":\"alice\",\"status\":\"offline\",\"last_seen\":\"2026-01-01T00:03:00Z\","
                + "\"current_page\":null,\"device_count\":0}");
    assertThat(done(presence.get(Fixtures.rest(BOB), ALICE.user())).lastSeen())
        .contains(clock.now());
  }

  @Test
  void disconnectOfOneDeviceKeepsTheOthers() {
    connect(ALICE, "s1");
    connect(ALICE, "s2");
    done(presence.disconnected(ALICE, conn(ALICE, "s1")));

    Presence p = done(presence.get(Fixtures.rest(ALICE), ALICE.user()));
    assertThat(p.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(p.deviceCount()).isEqualTo(1);
    assertThat(fanout.events().get(fanout.events().size() - 1).data().text("status"))
        .contains("online");
  }

  @Test
  void aggregatesTheMostPresentStatusAndTheNewestDevice() {
    Instant t0 = MutableClock.DEFAULT_START;
    DevicePresence away =
        new DevicePresence(
            ConnectionId.of("a"),
            PresenceStatus.AWAY,
            Optional.of("/new"),
            new ShoppingActivity(Optional.of("p9"), 2, true),
            Optional.empty(),
            t0.plusSeconds(20));
    DevicePresence busy =
        new DevicePresence(
            ConnectionId.of("b"),
            PresenceStatus.BUSY,
            Optional.of("/old"),
            ShoppingActivity.NONE,
            Optional.of(Location.of("Dhaka", "Dhanmondi")),
            t0.plusSeconds(10));
    DevicePresence offline =
        new DevicePresence(
            ConnectionId.of("c"),
            PresenceStatus.OFFLINE,
            Optional.empty(),
            ShoppingActivity.NONE,
            Optional.of(Location.of("Sylhet", null)),
            t0);

    Presence p = PresenceService.aggregate(ALICE.user(), List.of(offline, busy, away));

    assertThat(p.status()).isEqualTo(PresenceStatus.BUSY);
    assertThat(p.currentPage()).contains("/new");
    assertThat(p.activity().viewingProduct()).contains("p9");
    assertThat(p.location()).contains(Location.of("Dhaka", "Dhanmondi"));
    assertThat(p.lastSeen()).contains(t0.plusSeconds(20));
    assertThat(p.deviceCount()).isEqualTo(3);
    DevicePresence online =
        new DevicePresence(
            ConnectionId.of("d"),
            PresenceStatus.ONLINE,
            Optional.empty(),
            ShoppingActivity.NONE,
            Optional.empty(),
            t0);
    assertThat(PresenceService.aggregate(ALICE.user(), List.of(busy, online)).status())
        .isEqualTo(PresenceStatus.ONLINE);
    assertThat(PresenceService.aggregate(ALICE.user(), List.of()).status())
        .isEqualTo(PresenceStatus.OFFLINE);
    assertThat(PresenceService.aggregate(ALICE.user(), List.of(busy)))
        .isEqualTo(
            new Presence(
                ALICE.user(),
                PresenceStatus.BUSY,
                Optional.of(t0.plusSeconds(10)),
                Optional.of("/old"),
                ShoppingActivity.NONE,
                Optional.of(Location.of("Dhaka", "Dhanmondi")),
                1));
  }

  @Test
  void socketUpdateChangesOnlyThatDevice() {
    connect(ALICE, "s1");
    connect(ALICE, "s2");
    clock.advance(Duration.ofSeconds(5));

    Presence p =
        update(
            Fixtures.socket(ALICE, "s1"),
            JsonObject.builder().put("status", "busy").put("current_page", "/cart").build());

    assertThat(device(ALICE.user(), "s1").status()).isEqualTo(PresenceStatus.BUSY);
    assertThat(device(ALICE.user(), "s1").currentPage()).contains("/cart");
    assertThat(device(ALICE.user(), "s1").lastActivity()).isEqualTo(clock.now());
    assertThat(device(ALICE.user(), "s2").status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(device(ALICE.user(), "s2").lastActivity()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(p.status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(p.currentPage()).contains("/cart");
    assertThat(p.deviceCount()).isEqualTo(2);
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.UPDATE_PRESENCE);
    assertThat(fanout.events().get(fanout.events().size() - 1).data().text("current_page"))
        .contains("/cart");
  }

  @Test
  void socketUpdateBeforeItsConnectionIsTrackedStartsTheDevice() {
    update(Fixtures.socket(ALICE, "s9"), json("status", str("away")));
    assertThat(device(ALICE.user(), "s9").status()).isEqualTo(PresenceStatus.AWAY);
  }

  @Test
  void restUpdateChangesEveryLiveDevice() {
    connect(ALICE, "s1");
    update(Fixtures.socket(ALICE, "s1"), json("current_page", str("/kept")));
    when(registry.connectionsOf(ALICE.user()))
        .thenReturn(
            CompletableFuture.completedFuture(List.of(conn(ALICE, "s1"), conn(ALICE, "s2"))));

    Presence p = update(Fixtures.rest(ALICE), json("status", str("away")));

    assertThat(device(ALICE.user(), "s1").status()).isEqualTo(PresenceStatus.AWAY);
    assertThat(device(ALICE.user(), "s2").status()).isEqualTo(PresenceStatus.AWAY);
    assertThat(device(ALICE.user(), "s1").currentPage()).contains("/kept");
    assertThat(device(ALICE.user(), "s2").currentPage()).isEmpty();
    assertThat(p.status()).isEqualTo(PresenceStatus.AWAY);
    assertThat(p.deviceCount()).isEqualTo(2);
  }

  @Test
  void restUpdateWithNoLiveConnectionIsAConflict() {
    connect(ALICE, "stale"); // in the store but no longer registered
    when(registry.connectionsOf(ALICE.user()))
        .thenReturn(CompletableFuture.completedFuture(List.of()));
    assertThat(updateFails(Fixtures.rest(ALICE), json("status", str("away"))))
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(device(ALICE.user(), "stale").status()).isEqualTo(PresenceStatus.ONLINE);
  }

  @Test
  void absentFieldsKeepAndNullsClear() {
    update(
        Fixtures.socket(ALICE, "s1"),
        JsonObject.builder()
            .put("status", "busy")
            .put("current_page", "/p/1")
            .put("location", "Dhaka")
            .put(
                "activity",
                JsonObject.builder()
                    .put("viewing_product", "p1")
                    .put("cart_items", 3)
                    .put("in_checkout", true)
                    .build())
            .build());
    update(Fixtures.socket(ALICE, "s1"), JsonObject.EMPTY);
    DevicePresence kept = device(ALICE.user(), "s1");
    assertThat(kept.status()).isEqualTo(PresenceStatus.BUSY);
    assertThat(kept.currentPage()).contains("/p/1");
    assertThat(kept.location()).contains(Location.of("Dhaka", null));
    assertThat(kept.activity()).isEqualTo(new ShoppingActivity(Optional.of("p1"), 3, true));

    update(
        Fixtures.socket(ALICE, "s1"),
        JsonObject.builder()
            .putNull("current_page")
            .putNull("location")
            .putNull("activity")
            .build());
    DevicePresence cleared = device(ALICE.user(), "s1");
    assertThat(cleared.status()).isEqualTo(PresenceStatus.BUSY);
    assertThat(cleared.currentPage()).isEmpty();
    assertThat(cleared.location()).isEmpty();
    assertThat(cleared.activity()).isEqualTo(ShoppingActivity.NONE);
  }

  @Test
  void parsesLocationAsObjectOrBareDivision() {
    update(
        Fixtures.socket(ALICE, "s1"),
        json(
            "location",
            JsonObject.builder().put("division", "Dhaka").put("district", "Gazipur").build()));
    assertThat(device(ALICE.user(), "s1").location()).contains(Location.of("Dhaka", "Gazipur"));
    update(
        Fixtures.socket(ALICE, "s1"),
        json(
            "location",
            JsonObject.builder().put("division", "Khulna").putNull("district").build()));
    assertThat(device(ALICE.user(), "s1").location()).contains(Location.of("Khulna", null));
    update(Fixtures.socket(ALICE, "s1"), json("location", str("x".repeat(64))));
    assertThat(device(ALICE.user(), "s1").location()).contains(Location.of("x".repeat(64), null));
  }

  @Test
  void parsesActivityDefaultsAndNumbers() {
    update(
        Fixtures.socket(ALICE, "s1"),
        json(
            "activity",
            JsonObject.builder()
                .put("viewing_product", JsonValue.JsonNumber.of(42))
                .put("cart_items", new JsonValue.JsonNumber(new BigDecimal("2.0")))
                .build()));
    assertThat(device(ALICE.user(), "s1").activity())
        .isEqualTo(new ShoppingActivity(Optional.of("42"), 2, false));
    update(
        Fixtures.socket(ALICE, "s1"),
        json(
            "activity",
            JsonObject.builder()
                .putNull("viewing_product")
                .putNull("cart_items")
                .putNull("in_checkout")
                .put("cart_items", 100_000)
                .build()));
    assertThat(device(ALICE.user(), "s1").activity())
        .isEqualTo(new ShoppingActivity(Optional.empty(), 100_000, false));
    update(
        Fixtures.socket(ALICE, "s1"),
        json(
            "activity",
            JsonObject.builder().put("cart_items", 0).put("in_checkout", false).build()));
    assertThat(device(ALICE.user(), "s1").activity()).isEqualTo(ShoppingActivity.NONE);
    update(Fixtures.socket(ALICE, "s1"), json("activity", JsonObject.EMPTY));
    assertThat(device(ALICE.user(), "s1").activity()).isEqualTo(ShoppingActivity.NONE);
    update(Fixtures.socket(ALICE, "s1"), json("current_page", str("   ")));
    assertThat(device(ALICE.user(), "s1").currentPage()).isEmpty();
    update(Fixtures.socket(ALICE, "s1"), json("current_page", str("/" + "p".repeat(511))));
    assertThat(device(ALICE.user(), "s1").currentPage()).contains("/" + "p".repeat(511));
  }

  @Test
  void refusesInvalidUpdates() {
    Caller s = Fixtures.socket(ALICE, "s1");
    List<JsonObject> bad =
        List.of(
            json("status", str("invisible")),
            json("status", str("ONLINE")),
            json("status", JsonValue.JsonNumber.of(1)),
            json("status", JsonValue.JsonNull.INSTANCE),
            json("current_page", str("/" + "p".repeat(512))),
            json("current_page", str("/a\u0000b")),
            json("current_page", JsonValue.JsonBool.TRUE),
            json("activity", str("shopping")),
            json("activity", json("cart_items", JsonValue.JsonNumber.of(-1))),
            json("activity", json("cart_items", JsonValue.JsonNumber.of(100_001))),
            json("activity", json("cart_items", JsonValue.JsonNumber.of(1.5))),
            json("activity", json("cart_items", str("3"))),
            json("activity", json("in_checkout", str("yes"))),
            json("activity", json("viewing_product", JsonValue.JsonBool.TRUE)),
            json("activity", json("viewing_product", str("p".repeat(129)))),
            json("location", str("x".repeat(65))),
            json("location", str("  ")),
            json("location", JsonValue.JsonNumber.of(3)),
            json("location", json("district", str("Gazipur"))),
            json("location", json("division", JsonValue.JsonNumber.of(1))),
            json(
                "location",
                JsonObject.builder().put("division", "Dhaka").put("district", 5).build()));
    for (JsonObject body : bad) {
      assertThat(updateFails(s, body)).as(body.toJson()).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    }
    assertThat(done(store.online())).isEmpty();
    assertThat(limiter.checks()).isEmpty();
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void rateLimitedUpdateChangesNothing() {
    connect(ALICE, "s1");
    limiter.deny(RateLimiter.Action.UPDATE_PRESENCE);
    RealtimeException e =
        Fixtures.failure(
            presence.update(
                new UpdatePresenceCommand(
                    Fixtures.socket(ALICE, "s1"), json("status", str("busy")))));
    assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(e.retryAfterMs()).isEqualTo(1234);
    assertThat(device(ALICE.user(), "s1").status()).isEqualTo(PresenceStatus.ONLINE);
  }

  @Test
  void guestsMayNotUpdateReadOrCount() {
    Principal guest = Fixtures.guest("g1");
    assertThat(updateFails(Fixtures.socket(guest, "g1"), JsonObject.EMPTY))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(presence.get(Fixtures.socket(guest, "g1"), ALICE.user())))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(code(presence.onlineUsers(Fixtures.socket(guest, "g1"))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(limiter.checks()).isEmpty();
  }

  @Test
  void sweepMarksIdleOnlineDevicesAway() {
    connect(ALICE, "s1");
    connect(BOB, "b1");
    clock.advance(Duration.ofMinutes(4));
    update(Fixtures.socket(BOB, "b1"), JsonObject.EMPTY);
    connect(ALICE, "s2");
    update(Fixtures.socket(ALICE, "s2"), json("status", str("busy")));
    clock.advance(Duration.ofMinutes(1));
    int before = fanout.events().size();

    assertThat(done(presence.sweepIdle())).isZero(); // exactly five minutes is not yet idle
    clock.advance(Duration.ofMillis(1));
    assertThat(done(presence.sweepIdle())).isEqualTo(1);

    assertThat(device(ALICE.user(), "s1").status()).isEqualTo(PresenceStatus.AWAY);
    assertThat(device(ALICE.user(), "s1").lastActivity()).isEqualTo(MutableClock.DEFAULT_START);
    assertThat(device(ALICE.user(), "s2").status()).isEqualTo(PresenceStatus.BUSY);
    assertThat(device(BOB.user(), "b1").status()).isEqualTo(PresenceStatus.ONLINE);
    assertThat(fanout.events().subList(before, fanout.events().size()))
        .extracting(e -> e.data().text("user_id").orElseThrow())
        .containsOnly("alice")
        .hasSize(2);
    assertThat(done(presence.sweepIdle())).isZero();
  }

  @Test
  void sweepCountsDevicesOfEveryUser() {
    connect(ALICE, "s1");
    connect(ALICE, "s2");
    connect(BOB, "b1");
    clock.advance(Duration.ofMinutes(6));
    assertThat(done(presence.sweepIdle())).isEqualTo(3);
  }

  @Test
  void idleTimeIsConfigurable() {
    PresenceService quick =
        new PresenceService(
            store,
            registry,
            chats,
            fanout,
            clock,
            new SequentialIds(),
            limiter,
            Duration.ofSeconds(30),
            delivery);
    done(quick.connected(ALICE, conn(ALICE, "s1")));
    clock.advance(Duration.ofSeconds(31));
    assertThat(done(quick.sweepIdle())).isEqualTo(1);
    assertThatThrownBy(
            () ->
                new PresenceService(
                    store,
                    registry,
                    chats,
                    fanout,
                    clock,
                    new SequentialIds(),
                    limiter,
                    Duration.ZERO,
                    delivery))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void invisibleUsersLookOfflineToOthersOnly() {
    connect(ALICE, "s1");
    clock.advance(Duration.ofSeconds(1));
    update(Fixtures.socket(ALICE, "s1"), json("status", str("offline")));

    Presence toBob = done(presence.get(Fixtures.rest(BOB), ALICE.user()));
    assertThat(toBob).isEqualTo(Presence.offline(ALICE.user(), Optional.empty()));
    Presence toSelf = done(presence.get(Fixtures.rest(ALICE), ALICE.user()));
    assertThat(toSelf.deviceCount()).isEqualTo(1);
    assertThat(toSelf.status()).isEqualTo(PresenceStatus.OFFLINE);
    Presence toAgent = done(presence.get(Fixtures.rest(Fixtures.agent("ag")), ALICE.user()));
    assertThat(toAgent.deviceCount()).isEqualTo(1);

    List<Event> last = fanout.events().subList(fanout.events().size() - 2, fanout.events().size());
    assertThat(last.get(0).channel().toString()).isEqualTo("chat:r1");
    assertThat(last.get(0).data().text("device_count")).contains("0");
    assertThat(last.get(0).data().get("last_seen")).contains(JsonValue.JsonNull.INSTANCE);
    assertThat(last.get(1).channel()).isEqualTo(ChannelName.ADMIN_PRESENCE);
    assertThat(last.get(1).data().text("device_count")).contains("1");
    assertThat(last.get(1).data().text("status")).contains("offline");
  }

  @Test
  void neverSeenUserIsOfflineWithoutLastSeen() {
    assertThat(done(presence.get(Fixtures.rest(BOB), UserId.of("nobody"))))
        .isEqualTo(Presence.offline(UserId.of("nobody"), Optional.empty()));
  }

  @Test
  void countsOnlineUsersByDivisionAndDistrict() {
    connect(ALICE, "s1");
    update(
        Fixtures.socket(ALICE, "s1"),
        json(
            "location",
            JsonObject.builder().put("division", "Dhaka").put("district", "Gazipur").build()));
    connect(ALICE, "s2"); // a second device is still one user
    connect(BOB, "b1");
    update(Fixtures.socket(BOB, "b1"), json("location", str("Dhaka")));
    Principal carol = Fixtures.customer("carol");
    connect(carol, "c1");
    Principal dave = Fixtures.customer("dave");
    connect(dave, "d1");
    update(Fixtures.socket(dave, "d1"), json("status", str("offline"))); // invisible

    OnlineUsers users = done(presence.onlineUsers(Fixtures.rest(carol)));

    assertThat(users.total()).isEqualTo(3);
    assertThat(users.byDivision()).isEqualTo(Map.of("Dhaka", 2L, OnlineUsers.OTHER, 1L));
    assertThat(users.byDistrict()).isEqualTo(Map.of("Dhaka/Gazipur", 1L));
  }

  @Test
  void locationsAreCountedUnderTheirCanonicalNamesInBothScripts() {
    String[][] said = {
      {"Dhaka", null}, {"dhaka", null}, {"ঢাকা", null}, {"Chittagong", "Comilla"},
      {"চট্টগ্রাম", "কুমিল্লা"}, {"Barisal", null}, {"Jessore", null}, {"বগুড়া", null},
      {"Narnia", null}
    };
    for (int i = 0; i < said.length; i++) {
      Principal user = Fixtures.customer("u" + i);
      connect(user, "s" + i);
      JsonObject.Builder location = JsonObject.builder().put("division", said[i][0]);
      if (said[i][1] != null) {
        location.put("district", said[i][1]);
      }
      update(Fixtures.socket(user, "s" + i), json("location", location.build()));
    }

    OnlineUsers users = done(presence.onlineUsers(Fixtures.rest(ALICE)));

    assertThat(users.total()).isEqualTo(said.length);
    assertThat(users.byDivision())
        .isEqualTo(
            Map.of(
                "Dhaka",
                3L,
                "Chattogram",
                2L,
                "Barishal",
                1L,
                "Khulna",
                1L,
                "Rajshahi",
                1L,
                OnlineUsers.OTHER,
                1L));
    assertThat(users.byDistrict())
        .isEqualTo(Map.of("Chattogram/Cumilla", 2L, "Khulna/Jashore", 1L, "Rajshahi/Bogura", 1L));
  }

  @Test
  void countsStayRightThroughConnectDisconnectAndLocationChangesWithoutVisitingDevices() {
    PresenceStore spy = org.mockito.Mockito.spy(new InMemoryPresenceStore());
    PresenceService counted =
        new PresenceService(
            spy,
            registry,
            chats,
            fanout,
            clock,
            new SequentialIds(),
            limiter,
            PresenceService.DEFAULT_IDLE_AFTER,
            delivery);
    java.util.function.Supplier<OnlineUsers> online =
        () -> done(counted.onlineUsers(Fixtures.rest(BOB)));
    java.util.function.BiConsumer<String, String> move =
        (socket, division) ->
            done(
                counted.update(
                    new UpdatePresenceCommand(
                        Fixtures.socket(ALICE, socket), json("location", str(division)))));

    done(counted.connected(ALICE, conn(ALICE, "phone")));
    assertThat(online.get()).isEqualTo(new OnlineUsers(1, Map.of(OnlineUsers.OTHER, 1L), Map.of()));

    move.accept("phone", "সিলেট");
    assertThat(online.get()).isEqualTo(new OnlineUsers(1, Map.of("Sylhet", 1L), Map.of()));

    clock.advance(java.time.Duration.ofSeconds(1));
    done(counted.connected(ALICE, conn(ALICE, "laptop"))); // still one user
    move.accept("laptop", "Gazipur"); // the most recently active device's location counts
    assertThat(online.get())
        .isEqualTo(new OnlineUsers(1, Map.of("Dhaka", 1L), Map.of("Dhaka/Gazipur", 1L)));

    done(counted.disconnected(ALICE, conn(ALICE, "laptop")));
    assertThat(online.get()).isEqualTo(new OnlineUsers(1, Map.of("Sylhet", 1L), Map.of()));

    done(
        counted.update(
            new UpdatePresenceCommand(
                Fixtures.socket(ALICE, "phone"), json("status", str("offline")))));
    assertThat(online.get().total()).as("invisible").isZero();

    done(counted.disconnected(ALICE, conn(ALICE, "phone")));
    assertThat(online.get()).isEqualTo(new OnlineUsers(0, Map.of(), Map.of()));
    org.mockito.Mockito.verify(spy, org.mockito.Mockito.never()).online();
  }

  @Test
  void activityIsShownToStaffOnly() {
    connect(ALICE, "s1");
    update(
        Fixtures.socket(ALICE, "s1"),
        json(
            "activity",
            JsonObject.builder()
                .put("viewing_product", "p-77")
                .put("cart_items", 2)
                .put("in_checkout", true)
                .build()));
    ShoppingActivity shopping = new ShoppingActivity(Optional.of("p-77"), 2, true);

    assertThat(done(presence.get(Fixtures.rest(Fixtures.agent("agent")), ALICE.user())).activity())
        .isEqualTo(shopping);
    assertThat(done(presence.get(Fixtures.rest(Fixtures.admin("root")), ALICE.user())).activity())
        .isEqualTo(shopping);
    assertThat(done(presence.get(Fixtures.rest(BOB), ALICE.user())).activity())
        .isEqualTo(ShoppingActivity.NONE);
    assertThat(done(presence.get(Fixtures.rest(ALICE), ALICE.user())).activity())
        .isEqualTo(ShoppingActivity.NONE);
  }

  @Test
  void recordsLinkQualityPerConnection() {
    ConnectionQuality slow = new ConnectionQuality(Bandwidth.G2, 800, 0.1);
    Caller socket = Fixtures.socket(ALICE, "s1");
    done(presence.networkInfo(socket, slow));
    assertThat(presence.quality(ConnectionId.of("s1"))).contains(slow);
    assertThat(presence.quality(ConnectionId.of("s2"))).isEmpty();
    verify(delivery).adapt(ConnectionId.of("s1"), slow);

    Principal guest = Fixtures.guest("g1");
    done(presence.networkInfo(Fixtures.socket(guest, "g1"), slow));
    assertThat(presence.quality(ConnectionId.of("g1"))).contains(slow);

    done(presence.disconnected(ALICE, conn(ALICE, "s1")));
    done(presence.disconnected(guest, conn(guest, "g1")));
    assertThat(presence.quality(ConnectionId.of("s1"))).isEmpty();
    assertThat(presence.quality(ConnectionId.of("g1"))).isEmpty();
  }

  @Test
  void linkQualityNeedsABandwidth() {
    assertThat(code(presence.networkInfo(Fixtures.socket(ALICE, "s1"), null)))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(presence.quality(ConnectionId.of("s1"))).isEmpty();
  }

  @Test
  void linkQualityNeedsAConnection() {
    assertThat(
            code(
                presence.networkInfo(
                    Fixtures.rest(ALICE), new ConnectionQuality(Bandwidth.WIFI, 0, 0))))
        .isEqualTo(ErrorCode.CONFLICT);
  }

  /** Collects the warnings the service logs (System.Logger goes to java.util.logging here). */
  private static final class Warnings extends java.util.logging.Handler implements AutoCloseable {
    private final java.util.logging.Logger logger =
        java.util.logging.Logger.getLogger(PresenceService.class.getName());
    private final List<java.util.logging.LogRecord> records =
        new java.util.concurrent.CopyOnWriteArrayList<>();

    Warnings() {
      logger.addHandler(this);
    }

    @Override
    public void publish(java.util.logging.LogRecord r) {
      records.add(r);
    }

    @Override
    public void flush() {}

    @Override
    public void close() {
      logger.removeHandler(this);
    }
  }

  @Test
  void failedPublicationDoesNotFailTheUpdateButIsLogged() {
    fanout.failWith(new IllegalStateException("bus down"));
    try (Warnings warnings = new Warnings()) {
      Presence p = update(Fixtures.socket(ALICE, "s1"), json("status", str("busy")));
      assertThat(p.status()).isEqualTo(PresenceStatus.BUSY);
      done(presence.connected(ALICE, conn(ALICE, "s2")));
      done(presence.disconnected(ALICE, conn(ALICE, "s2")));
      assertThat(warnings.records).hasSize(3);
      assertThat(warnings.records.get(0).getMessage()).contains("alice");
    }
  }

  @Test
  void successfulPublicationLogsNothing() {
    try (Warnings warnings = new Warnings()) {
      connect(ALICE, "s1");
      update(Fixtures.socket(ALICE, "s1"), json("status", str("busy")));
      done(presence.disconnected(ALICE, conn(ALICE, "s1")));
      assertThat(warnings.records).isEmpty();
      assertThat(fanout.events()).hasSize(6);
    }
  }

  @Test
  void storeFailureFailsTheStage() {
    ConnectionRegistry failing = mock(ConnectionRegistry.class);
    when(failing.connectionsOf(ALICE.user()))
        .thenReturn(CompletableFuture.failedFuture(new RealtimeException(ErrorCode.INTERNAL, "x")));
    PresenceService p =
        new PresenceService(
            store,
            failing,
            chats,
            fanout,
            clock,
            new SequentialIds(),
            limiter,
            Duration.ofMinutes(5),
            delivery);
    assertThat(code(p.update(new UpdatePresenceCommand(Fixtures.rest(ALICE), JsonObject.EMPTY))))
        .isEqualTo(ErrorCode.INTERNAL);
  }

  @Test
  void presenceReadsAreRateLimited() {
    done(presence.get(Fixtures.rest(BOB), ALICE.user()));
    done(presence.onlineUsers(Fixtures.rest(BOB)));
    assertThat(limiter.actions())
        .containsExactly(RateLimiter.Action.REST_READ, RateLimiter.Action.REST_READ);
    limiter.deny(RateLimiter.Action.REST_READ);
    assertThat(code(presence.get(Fixtures.rest(BOB), ALICE.user())))
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(code(presence.onlineUsers(Fixtures.rest(BOB)))).isEqualTo(ErrorCode.RATE_LIMITED);
  }
}
