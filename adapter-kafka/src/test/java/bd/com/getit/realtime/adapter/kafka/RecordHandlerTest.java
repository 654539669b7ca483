package bd.com.getit.realtime.adapter.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

class RecordHandlerTest {
  private final RecordingIngest ingest = new RecordingIngest();
  private final MockProducer<byte[], byte[]> producer =
      new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
  private final RecordHandler handler =
      new RecordHandler(ingest, new EnvelopeReader(1_000), new DeadLetters(producer, "dlq"));

  private static ConsumerRecord<byte[], byte[]> record(long offset, String value) {
    return new ConsumerRecord<>(
        "order-events",
        2,
        offset,
        "k".getBytes(StandardCharsets.UTF_8),
        value.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> headers(ProducerRecord<byte[], byte[]> r) {
    Map<String, String> h = new HashMap<>();
    for (Header header : r.headers()) {
      h.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
    }
    return h;
  }

  @Test
  void anEnvelopeGoesToTheCoreAsATrustedService() {
    assertThat(handler.handle(record(0, "{\"event\":\"x\",\"n\":1}")))
        .succeedsWithin(Duration.ofSeconds(5));
    assertThat(ingest.numbers()).containsExactly(1L);
    assertThat(RecordHandler.CALLER.principal().isTrusted()).isTrue();
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void aMalformedRecordIsDeadLetteredWithReasonAndOrigin() {
    assertThat(handler.handle(record(41, "not json"))).succeedsWithin(Duration.ofSeconds(5));
    assertThat(producer.history()).hasSize(1);
    ProducerRecord<byte[], byte[]> dead = producer.history().get(0);
    assertThat(dead.topic()).isEqualTo("dlq");
    assertThat(new String(dead.value(), StandardCharsets.UTF_8)).isEqualTo("not json");
    assertThat(new String(dead.key(), StandardCharsets.UTF_8)).isEqualTo("k");
    assertThat(headers(dead))
        .containsEntry(DeadLetters.REASON, "NOT_JSON")
        .containsEntry(DeadLetters.TOPIC, "order-events")
        .containsEntry(DeadLetters.PARTITION, "2")
        .containsEntry(DeadLetters.OFFSET, "41")
        .containsKey(DeadLetters.DETAIL);
    assertThat(ingest.calls).hasValue(0);
  }

  @Test
  void aRecordTheCoreRefusesForItsContentIsDeadLetteredWithTheCode() {
    for (String code : List.of("PAYLOAD_INVALID", "CHANNEL_UNKNOWN", "PAYLOAD_TOO_LARGE")) {
      assertThat(handler.handle(record(7, "{\"reject\":\"" + code + "\"}")))
          .succeedsWithin(Duration.ofSeconds(5));
    }
    assertThat(producer.history())
        .extracting(r -> headers(r).get(DeadLetters.REASON))
        .containsExactly("PAYLOAD_INVALID", "CHANNEL_UNKNOWN", "PAYLOAD_TOO_LARGE");
    assertThat(headers(producer.history().get(0)).get(DeadLetters.DETAIL))
        .isEqualTo("refused: PAYLOAD_INVALID");
  }

  @Test
  void aTransientFailureFailsTheStageAndDeadLettersNothing() {
    ingest.failNext(1);
    assertThat(handler.handle(record(0, "{\"event\":\"x\"}"))).failsWithin(Duration.ofSeconds(5));
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void anInternalOrRateLimitedRefusalIsRetriedNotDeadLettered() {
    assertThat(handler.handle(record(0, "{\"reject\":\"INTERNAL\"}")))
        .failsWithin(Duration.ofSeconds(5));
    assertThat(handler.handle(record(0, "{\"reject\":\"RATE_LIMITED\"}")))
        .failsWithin(Duration.ofSeconds(5));
    assertThat(producer.history()).isEmpty();
  }

  @Test
  void aDeadLetterThatCannotBeWrittenFailsTheStageSoTheRecordIsRetried() {
    MockProducer<byte[], byte[]> failing =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    RecordHandler h =
        new RecordHandler(ingest, new EnvelopeReader(1_000), new DeadLetters(failing, "dlq"));
    var stage = h.handle(record(0, "not json")).toCompletableFuture();
    failing.errorNext(new org.apache.kafka.common.errors.TimeoutException("no broker"));
    assertThat(stage).failsWithin(Duration.ofSeconds(5));
  }

  @Test
  void aDeadLetterTooLargeForTheProducerIsSentWithoutItsValue() {
    MockProducer<byte[], byte[]> manual =
        new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
    RecordHandler h =
        new RecordHandler(ingest, new EnvelopeReader(1_000), new DeadLetters(manual, "dlq"));
    var stage = h.handle(record(3, "x".repeat(2_000))).toCompletableFuture();
    manual.errorNext(new RecordTooLargeException("too large"));
    manual.completeNext();
    assertThat(stage).succeedsWithin(Duration.ofSeconds(5));
    ProducerRecord<byte[], byte[]> second = manual.history().get(1);
    assertThat(second.value()).isNull();
    assertThat(headers(second))
        .containsEntry(DeadLetters.REASON, "TOO_LARGE")
        .containsEntry(DeadLetters.OFFSET, "3");
  }
}
