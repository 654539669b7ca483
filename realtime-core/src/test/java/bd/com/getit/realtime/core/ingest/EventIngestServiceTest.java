package bd.com.getit.realtime.core.ingest;

import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.withRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.JsonValue.JsonArray;
import bd.com.getit.realtime.domain.JsonValue.JsonNumber;
import bd.com.getit.realtime.domain.JsonValue.JsonObject;
import bd.com.getit.realtime.domain.JsonValue.JsonString;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.port.in.EventIngestUseCase.IngestCommand;
import bd.com.getit.realtime.port.in.EventIngestUseCase.Ingested;
import bd.com.getit.realtime.port.out.DeduplicationStore;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mockito.ArgumentCaptor;

class EventIngestServiceTest {
  private static final Caller SERVICE = Caller.of(withRole("svc", Role.SERVICE));
  private final Fanout fanout = mock(Fanout.class);
  private final DeduplicationStore dedup = mock(DeduplicationStore.class);
  private final MutableClock clock = new MutableClock();
  private final Duration window = Duration.ofMinutes(10);
  private final EventIngestService service =
      new EventIngestService(fanout, dedup, new SequentialIds(), clock, window);

  @BeforeEach
  void setUp() {
    when(fanout.publish(any(), any()))
        .thenReturn(CompletableFuture.completedFuture(new StreamOffset("1-0")));
    when(dedup.firstSeen(any(), any())).thenReturn(CompletableFuture.completedFuture(true));
  }

  private Event published() {
    ArgumentCaptor<Event> captor = ArgumentCaptor.forClass(Event.class);
    verify(fanout).publish(captor.capture(), org.mockito.ArgumentMatchers.eq(Optional.empty()));
    return captor.getValue();
  }

  private Ingested ingest(JsonObject envelope) {
    return done(service.ingest(new IngestCommand(SERVICE, envelope)));
  }

  private ErrorCode refusal(JsonObject envelope) {
    return code(service.ingest(new IngestCommand(SERVICE, envelope)));
  }

  private static JsonObject.Builder base() {
    return JsonObject.builder().put("event", "product_price_change").put("channel", "product:1");
  }

  @ParameterizedTest
  @EnumSource(value = EventKind.class, names = "CUSTOM", mode = EnumSource.Mode.EXCLUDE)
  void namesTheServerEmitsItselfAreRefusedWhateverTheChannel(EventKind kind) {
    JsonObject withChannel =
        JsonObject.builder().put("event", kind.wireName()).put("channel", "product:1").build();
    JsonObject derivable =
        JsonObject.builder()
            .put("event", kind.wireName())
            .put("data", JsonObject.builder().put("user_id", "u1").build())
            .build();
    if (kind.serverEmitted()) {
      assertThat(refusal(withChannel)).isEqualTo(ErrorCode.PAYLOAD_INVALID);
      assertThat(refusal(derivable)).isEqualTo(ErrorCode.PAYLOAD_INVALID);
      verifyNoInteractions(fanout, dedup);
    } else {
      ingest(withChannel);
      verify(fanout).publish(any(), any());
    }
  }

  @Test
  void theRefusalOfAServerNameSaysWhy() {
    assertThatThrownBy(
            () ->
                ingest(
                    JsonObject.builder()
                        .put("event", "presence_update")
                        .put("channel", "admin:presence")
                        .build()))
        .hasMessageContaining("presence_update is emitted by the server itself");
  }

  @Test
  void theOldDisconnectOrderIsAnOrdinaryEventToDeliver() {
    ingest(
        JsonObject.builder()
            .put("event", "admin_disconnect")
            .put("channel", "admin:connections")
            .put("data", JsonObject.builder().put("socket_id", "c1").build())
            .build());
    Event e = published();
    assertThat(e.kind()).isEqualTo(EventKind.CUSTOM);
    assertThat(e.channel()).isEqualTo(ChannelName.parse("admin:connections"));
  }

  @Test
  void readsTheWholeEnvelope() {
    JsonObject data = JsonObject.builder().put("new_price", 10).build();
    Ingested r =
        ingest(
            JsonObject.builder()
                .put("id", "evt-1")
                .put("event", "order_status_update")
                .put("channel", "order:o1")
                .put("data", data)
                .put("priority", "high")
                .put("ttl_seconds", 3600)
                .put("recipients", JsonArray.ofStrings(List.of("user:u1")))
                .put("persist", true)
                .build());
    assertThat(r).isEqualTo(new Ingested(EventId.of("evt-1"), false));
    Event e = published();
    assertThat(e.id()).isEqualTo(EventId.of("evt-1"));
    assertThat(e.name()).isEqualTo("order_status_update");
    assertThat(e.channel()).isEqualTo(channel("order:o1"));
    assertThat(e.data()).isEqualTo(data);
    assertThat(e.priority()).isEqualTo(Priority.HIGH);
    assertThat(e.ttl()).isEqualTo(Duration.ofHours(1));
    assertThat(e.recipients()).containsExactly(channel("user:u1"));
    assertThat(e.persist()).isTrue();
    assertThat(e.timestamp()).isEqualTo(clock.now());
    verify(dedup).firstSeen("event:evt-1", window);
  }

  @Test
  void appliesDefaults() {
    Ingested r = ingest(base().build());
    assertThat(r).isEqualTo(new Ingested(EventId.of("id-1"), false));
    Event e = published();
    assertThat(e.data()).isEqualTo(JsonObject.EMPTY);
    assertThat(e.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(e.ttl()).isEqualTo(Duration.ZERO);
    assertThat(e.recipients()).isEmpty();
    assertThat(e.persist()).isFalse();
    verifyNoInteractions(dedup);
  }

  @Test
  void nullFieldsCountAsAbsent() {
    ingest(
        base()
            .putNull("id")
            .putNull("data")
            .putNull("priority")
            .putNull("ttl_seconds")
            .putNull("recipients")
            .putNull("persist")
            .build());
    Event e = published();
    assertThat(e.id()).isEqualTo(EventId.of("id-1"));
    assertThat(e.priority()).isEqualTo(Priority.MEDIUM);
    assertThat(e.persist()).isFalse();
    verifyNoInteractions(dedup);
  }

  @Test
  void anExplicitPersistFalseIsKept() {
    ingest(base().put("persist", false).build());
    assertThat(published().persist()).isFalse();
  }

  @Test
  void derivesTheChannelWhenAbsent() {
    ingest(
        JsonObject.builder()
            .put("event", "order_status_update")
            .put(
                "data", JsonObject.builder().put("order_id", "o1").put("customer_id", "u1").build())
            .put("recipients", JsonArray.ofStrings(List.of("user:u2", "user:u1")))
            .build());
    Event e = published();
    assertThat(e.channel()).isEqualTo(channel("order:o1"));
    assertThat(e.recipients()).containsExactly(channel("user:u2"), channel("user:u1"));
  }

  @Test
  void anUnderivableChannelIsPayloadInvalid() {
    assertThat(refusal(JsonObject.builder().put("event", "auction_bid").build()))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    verifyNoInteractions(fanout);
  }

  @Test
  void aDuplicateIdRoutesNothing() {
    when(dedup.firstSeen("event:evt-1", window))
        .thenReturn(CompletableFuture.completedFuture(false));
    Ingested r = ingest(base().put("id", "evt-1").build());
    assertThat(r).isEqualTo(new Ingested(EventId.of("evt-1"), true));
    verify(fanout, never()).publish(any(), any());
  }

  @Test
  void anEventWithAnIdIsRoutedWhenTheDeDuplicationStoreIsAway() {
    when(dedup.firstSeen("event:evt-1", window))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("redis down")));
    when(dedup.forget(any())).thenReturn(CompletableFuture.completedFuture(null));

    Ingested r = ingest(base().put("id", "evt-1").build());

    assertThat(r).isEqualTo(new Ingested(EventId.of("evt-1"), false));
    assertThat(published().id()).isEqualTo(EventId.of("evt-1"));
  }

  @Test
  void aDeDuplicationStoreThatThrowsIsAwayToo() {
    when(dedup.firstSeen("event:evt-1", window)).thenThrow(new IllegalStateException("broken"));

    Ingested r = ingest(base().put("id", "evt-1").build());

    assertThat(r).isEqualTo(new Ingested(EventId.of("evt-1"), false));
  }

  @Test
  void aFailedRouteForgetsTheIdSoTheRetryIsRouted() {
    when(dedup.forget("event:evt-1")).thenReturn(CompletableFuture.completedFuture(null));
    when(fanout.publish(any(), any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("bus down")));

    assertThat(service.ingest(new IngestCommand(SERVICE, base().put("id", "evt-1").build())))
        .failsWithin(Duration.ofSeconds(5));
    verify(dedup).forget("event:evt-1");
  }

  @Test
  void aRoutedEventKeepsItsId() {
    ingest(base().put("id", "evt-2").build());
    verify(dedup, never()).forget(any());
  }

  @Test
  void onlyServicesAndAdminsPublish() {
    assertThat(code(service.ingest(new IngestCommand(Caller.of(customer("u1")), base().build()))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(
            code(
                service.ingest(
                    new IngestCommand(
                        Caller.of(withRole("ag", Role.SUPPORT_AGENT)), base().build()))))
        .isEqualTo(ErrorCode.FORBIDDEN);
    assertThat(
            done(service.ingest(
                    new IngestCommand(Caller.of(withRole("a", Role.ADMIN)), base().build())))
                .duplicate())
        .isFalse();
    verify(fanout).publish(any(), any());
  }

  @Test
  void refusesMalformedFields() {
    List<JsonObject> bad = new ArrayList<>();
    bad.add(JsonObject.builder().put("channel", "product:1").build());
    bad.add(base().put("event", "Bad Name").build());
    bad.add(base().put("event", 5).build());
    bad.add(base().put("id", "has space").build());
    bad.add(base().put("id", 12).build());
    bad.add(base().put("data", "text").build());
    bad.add(base().put("priority", "urgent").build());
    bad.add(base().put("priority", 1).build());
    bad.add(base().put("ttl_seconds", -1).build());
    bad.add(base().put("ttl_seconds", 30L * 24 * 3600 + 1).build());
    bad.add(base().put("ttl_seconds", new JsonNumber(new BigDecimal("1.5"))).build());
    bad.add(base().put("ttl_seconds", "60").build());
    bad.add(base().put("recipients", "user:u1").build());
    bad.add(base().put("recipients", JsonArray.ofStrings(List.of("product:1"))).build());
    bad.add(base().put("recipients", JsonArray.ofStrings(List.of("nope"))).build());
    bad.add(base().put("recipients", JsonArray.of(JsonNumber.of(1))).build());
    bad.add(base().put("persist", "yes").build());
    for (JsonObject envelope : bad) {
      assertThat(refusal(envelope)).as(envelope.toJson()).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    }
    verifyNoInteractions(fanout);
  }

  @Test
  void aBadExplicitChannelKeepsItsChannelCode() {
    assertThat(refusal(base().put("channel", "planet:1").build()))
        .isEqualTo(ErrorCode.CHANNEL_UNKNOWN);
    assertThat(refusal(base().put("channel", "nochannel").build()))
        .isEqualTo(ErrorCode.CHANNEL_INVALID);
    assertThat(refusal(base().put("channel", 3).build())).isEqualTo(ErrorCode.PAYLOAD_INVALID);
  }

  @Test
  void acceptsTheBoundaryTtls() {
    ingest(base().put("ttl_seconds", 0).build());
    ingest(base().put("ttl_seconds", 30L * 24 * 3600).build());
    ArgumentCaptor<Event> captor = ArgumentCaptor.forClass(Event.class);
    verify(fanout, org.mockito.Mockito.times(2)).publish(captor.capture(), any());
    assertThat(captor.getAllValues().get(1).ttl()).isEqualTo(Duration.ofDays(30));
  }

  @Test
  void boundsTheRecipients() {
    List<String> many = new ArrayList<>();
    for (int i = 0; i <= EnvelopeParser.MAX_RECIPIENTS; i++) {
      many.add("user:u" + i);
    }
    assertThat(refusal(base().put("recipients", JsonArray.ofStrings(many)).build()))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    many.remove(0);
    ingest(base().put("recipients", JsonArray.ofStrings(many)).build());
    assertThat(published().recipients()).hasSize(EnvelopeParser.MAX_RECIPIENTS);
  }

  @Test
  void aBadNameIsReportedBeforeDerivation() {
    var failure =
        bd.com.getit.realtime.core.testing.Fixtures.failure(
            service.ingest(
                new IngestCommand(SERVICE, JsonObject.builder().put("event", "BAD").build())));
    assertThat(failure.code()).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(failure.getMessage()).contains("event name");
  }

  @Test
  void announcementsDeriveTheSystemChannel() {
    ingest(JsonObject.builder().put("event", "system_announcement").build());
    assertThat(published().channel()).isEqualTo(ChannelName.ANNOUNCEMENTS);
  }

  @Test
  void keepsStringDataUntouched() {
    JsonObject data =
        JsonObject.builder()
            .put("x", new JsonString("y"))
            .put("n", JsonValue.JsonNull.INSTANCE)
            .build();
    ingest(base().put("data", data).build());
    assertThat(published().data()).isEqualTo(data);
  }
}
