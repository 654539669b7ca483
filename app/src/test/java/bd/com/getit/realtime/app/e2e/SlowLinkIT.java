package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.testsupport.HttpTestClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Slow-link mode over a real socket whose client stops reading (protocol 10.4): a phone that
 * reported {@code 2g} is flooded with price updates ({@code low}) and then gets payment events
 * ({@code critical}) while it reads nothing. Once it reads again, every critical event is there,
 * ahead of price updates published before them; of the price updates only some arrive, each
 * channel's in order and ending with its newest.
 */
class SlowLinkIT {

  private static final Pattern EVENT =
      Pattern.compile("^42/realtime,\\[\"([a-z_]+)\",.*\"channel\":\"([^\"]+)\".*\"seq\":(\\d+)");

  static TestServer server;

  @BeforeAll
  static void start() throws Exception {
    // A 2G window long enough that the newest prices are still held when the critical events
    // are published after them, however slowly a busy machine answers the publishes.
    server = TestServer.start(java.util.Map.of("REALTIME_SLOW_WINDOW_2G_MS", "3000"));
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** A websocket client whose reading the test turns off and on (JDK websocket demand). */
  private static final class Phone implements WebSocket.Listener {
    final List<String> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    volatile boolean reading = true;
    volatile WebSocket ws;

    @Override
    public void onOpen(WebSocket webSocket) {
      ws = webSocket;
      webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        if (frame.equals("2")) {
          webSocket.sendText("3", true);
        } else {
          frames.add(frame);
        }
      }
      if (reading) {
        webSocket.request(1);
      }
      return null;
    }

    void resume() {
      reading = true;
      ws.request(1);
    }

    boolean saw(String prefix) {
      return frames.stream().anyMatch(f -> f.startsWith(prefix));
    }
  }

  @Test
  void criticalEventsOvertakeCoalescedPriceUpdatesOnAPhoneThatStoppedReading() throws Exception {
    Phone phone = new Phone();
    HttpClient.newHttpClient()
        .newWebSocketBuilder()
        .buildAsync(
            URI.create("ws://127.0.0.1:" + server.port() + "/socket.io/?EIO=4&transport=websocket"),
            phone)
        .join();
    await().until(() -> phone.saw("0{"));
    phone.ws.sendText("40/realtime,{\"token\":\"" + TestServer.token("slow-phone") + "\"}", true);
    await().until(() -> phone.saw("42/realtime,[\"authenticated\""));
    phone.ws.sendText("42/realtime,1[\"network_info\",{\"bandwidth\":\"2g\"}]", true);
    phone.ws.sendText(
        "42/realtime,2[\"join_channel\",{\"channels\":[\"product:slow-1\",\"product:slow-2\","
            + "\"product:slow-pay\"]}]",
        true);
    await().until(() -> phone.saw("43/realtime,2"));
    String service = TestServer.token("slow-service", "service");

    phone.reading = false;
    String filler = "x".repeat(250);
    int prices = 120;
    for (int i = 1; i <= prices; i++) {
      publish(service, "product_price_change", "product:slow-" + (i % 2 + 1), "low", i, filler);
    }
    for (int i = 1; i <= 5; i++) {
      publish(service, "payment_status_update", "product:slow-pay", "critical", prices + i, "");
    }
    phone.resume();

    // the newest price of each channel arrives in the end: 119 on slow-2... 120 on slow-1
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                lastSeq(phone, "product:slow-1") == 120 && lastSeq(phone, "product:slow-2") == 119);
    List<String[]> events = events(phone);
    List<Integer> critical = new ArrayList<>();
    List<Integer> low = new ArrayList<>();
    int firstCriticalAt = -1;
    int lastLowAt = -1;
    for (int i = 0; i < events.size(); i++) {
      String[] e = events.get(i);
      if (e[0].equals("payment_status_update")) {
        critical.add(Integer.parseInt(e[2]));
        firstCriticalAt = firstCriticalAt < 0 ? i : firstCriticalAt;
      } else {
        low.add(Integer.parseInt(e[2]));
        lastLowAt = i;
      }
    }
    assertThat(critical)
        .as("every critical event, in order")
        .containsExactly(121, 122, 123, 124, 125);
    assertThat(firstCriticalAt)
        .as("ahead of price updates published before them")
        .isLessThan(lastLowAt);
    assertThat(low.size()).as("older prices replaced by newer ones").isLessThan(prices);
    for (String channel : List.of("product:slow-1", "product:slow-2")) {
      List<Integer> seqs =
          events.stream()
              .filter(e -> e[1].equals(channel))
              .map(e -> Integer.parseInt(e[2]))
              .toList();
      assertThat(seqs).as("per channel in order").isSorted();
    }
    String metrics = new HttpTestClient(server.url()).get("/metrics", null).body();
    assertThat(metrics)
        .containsPattern(
            "realtime_slow_link_events_total\\{[^}]*link=\"2g\"[^}]*outcome=\"coalesced\"[^}]*priority=\"low\"\\} [1-9]");
  }

  private static int lastSeq(Phone phone, String channel) {
    int last = -1;
    for (String[] e : events(phone)) {
      if (e[1].equals(channel)) {
        last = Integer.parseInt(e[2]);
      }
    }
    return last;
  }

  /** The events received: name, channel, seq. */
  private static List<String[]> events(Phone phone) {
    List<String[]> events = new ArrayList<>();
    for (String frame : phone.frames) {
      Matcher m = EVENT.matcher(frame);
      if (m.find()) {
        events.add(new String[] {m.group(1), m.group(2), m.group(3)});
      }
    }
    return events;
  }

  private static void publish(
      String token, String event, String channel, String priority, int seq, String text) {
    String body =
        "{\"event\":\""
            + event
            + "\",\"channel\":\""
            + channel
            + "\",\"priority\":\""
            + priority
            + "\",\"data\":{\"seq\":"
            + seq
            + ",\"text\":\""
            + text
            + "\"}}";
    assertThat(server.rest().post("/events", token, body).status()).isEqualTo(202);
  }
}
