package bd.com.getit.realtime.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase.SendNotificationCommand;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of clients that never read, each sent its own notifications (no shared fanout frame):
 * the send queues of the node together stay within {@code REALTIME_SEND_QUEUE_BUDGET_BYTES}, the
 * sockets with the most queued are closed first (their high-priority notifications are not dropped:
 * the socket is closed so the client recovers), the others keep theirs, and the node stays ready
 * throughout.
 *
 * <p>The clients are long-polling sessions that, once connected to {@code /realtime}, never poll
 * again: nothing ever leaves their queues, as with a phone whose radio went quiet.
 */
class SendQueueBudgetIT {

  static final int CLIENTS = 2_000;
  static final int HEAVY = 200; // the first HEAVY users receive three large notifications first
  static final long BUDGET = 4L * 1024 * 1024;

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  @Test
  void slowestSocketsAreClosedFirstAndTheQueuesStayWithinTheBudget() throws Exception {
    try (TestServer server =
        TestServer.start(
            Map.of(
                "REALTIME_SEND_QUEUE_BUDGET_BYTES", Long.toString(BUDGET),
                "REALTIME_NEW_CONNECTIONS_PER_ADDRESS_PER_MINUTE", "1000000",
                // no heartbeat during the test: the quiet clients are closed by the budget only
                "REALTIME_PING_INTERVAL_MS", "600000",
                "REALTIME_PING_TIMEOUT_MS", "600000"))) {
      String engine = server.url() + "/socket.io/?EIO=4&transport=polling";
      List<String> sids = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        sids.add(connect(engine, "user-" + i));
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> metric(server, "realtime_sockets") == CLIENTS);
      assertThat(metric(server, "realtime_send_queue_budget_limit_bytes")).isEqualTo(BUDGET);

      long heavyQueued;
      Sampler sampler = new Sampler(server);
      Thread sampling = new Thread(sampler, "budget-sampler");
      sampling.start();
      try {
        NotificationUseCase notifications = server.server.core().notifications();
        String large = "x".repeat(1_900);
        String largeData = "d".repeat(2_500);
        for (int round = 0; round < 3; round++) {
          sendAll(notifications, 0, HEAVY, large, largeData);
        }
        heavyQueued = (long) metric(server, "realtime_send_queue_budget_used_bytes");
        assertThat(metric(server, "realtime_send_queue_budget_evicted_total"))
            .as("the heavy users' queues alone (%d bytes) fit in the budget", heavyQueued)
            .isZero();
        sendAll(notifications, 0, CLIENTS, "y".repeat(800), "");
      } finally {
        sampler.stop.set(true);
        sampling.join();
      }

      double evicted = metric(server, "realtime_send_queue_budget_evicted_total");
      Set<Integer> closed = new HashSet<>();
      for (int i = 0; i < CLIENTS; i++) {
        HttpResponse<String> poll = get(engine + "&sid=" + sids.get(i));
        if (poll.statusCode() == 400) {
          closed.add(i);
        } else {
          assertThat(poll.statusCode()).isEqualTo(200);
          assertThat(poll.body()).contains("\"notification\"");
        }
      }
      System.out.printf(
          "send queue budget %d bytes, %d clients: %d bytes queued for the heavy users, peak"
              + " queued %d bytes, %d closed (all heavy: %s), readiness %d probes, slowest %d ms%n",
          BUDGET,
          CLIENTS,
          heavyQueued,
          sampler.peakQueued.get(),
          closed.size(),
          closed.stream().allMatch(i -> i < HEAVY),
          sampler.probes.get(),
          sampler.slowestReadyMillis.get());

      assertThat(sampler.peakQueued.get()).isPositive().isLessThanOrEqualTo(BUDGET);
      assertThat(sampler.notReady.get()).as("readiness answers that were not 200").isZero();
      assertThat(closed).as("sockets closed for the budget").isNotEmpty().hasSize((int) evicted);
      assertThat(closed)
          .as("only the slowest (the heavy users') sockets are closed")
          .allMatch(i -> i < HEAVY);
    }
  }

  private String connect(String engine, String user) throws Exception {
    HttpResponse<String> open = get(engine);
    assertThat(open.statusCode()).isEqualTo(200);
    Matcher sid = Pattern.compile("\"sid\":\"([^\"]+)\"").matcher(open.body());
    assertThat(sid.find()).as(open.body()).isTrue();
    HttpResponse<String> connect =
        http.send(
            HttpRequest.newBuilder(URI.create(engine + "&sid=" + sid.group(1)))
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "40/realtime,{\"token\":\"" + TestServer.token(user) + "\"}"))
                .header("Content-Type", "text/plain;charset=UTF-8")
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(connect.statusCode()).isEqualTo(200);
    return sid.group(1);
  }

  /** One high-priority notification to each of the users {@code from} to {@code to - 1}. */
  private static void sendAll(
      NotificationUseCase notifications, int from, int to, String message, String data) {
    Caller service = Caller.of(Principal.of(UserId.of("svc"), Set.of(Role.SERVICE)));
    List<CompletableFuture<?>> sent = new ArrayList<>();
    for (int i = from; i < to; i++) {
      sent.add(
          notifications
              .send(
                  new SendNotificationCommand(
                      service,
                      UserId.of("user-" + i),
                      "order_update",
                      LocalizedText.of("Your order " + i, null),
                      LocalizedText.of(message, null),
                      data.isEmpty()
                          ? JsonValue.JsonObject.EMPTY
                          : JsonValue.JsonObject.builder().put("detail", data).build(),
                      Optional.empty(),
                      Priority.HIGH))
              .toCompletableFuture());
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
  }

  private HttpResponse<String> get(String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private double metric(TestServer server, String name) throws Exception {
    String body = get(server.url() + "/metrics").body();
    Matcher m = Pattern.compile("(?m)^" + name + "\\{[^}]*\\} (\\S+)$").matcher(body);
    assertThat(m.find()).as("sample %s", name).isTrue();
    return Double.parseDouble(m.group(1));
  }

  /** Reads the budget gauge and probes readiness while the notifications go out. */
  private final class Sampler implements Runnable {
    final AtomicBoolean stop = new AtomicBoolean();
    final AtomicLong peakQueued = new AtomicLong();
    final AtomicLong probes = new AtomicLong();
    final AtomicLong notReady = new AtomicLong();
    final AtomicLong slowestReadyMillis = new AtomicLong();
    private final TestServer server;

    Sampler(TestServer server) {
      this.server = server;
    }

    @Override
    public void run() {
      try {
        while (!stop.get()) {
          peakQueued.accumulateAndGet(
              (long) metric(server, "realtime_send_queue_budget_used_bytes"), Math::max);
          long start = System.nanoTime();
          HttpResponse<String> ready = get(server.url() + "/health/ready");
          slowestReadyMillis.accumulateAndGet((System.nanoTime() - start) / 1_000_000, Math::max);
          probes.incrementAndGet();
          if (ready.statusCode() != 200) {
            notReady.incrementAndGet();
          }
        }
      } catch (Exception e) {
        notReady.incrementAndGet();
        throw new IllegalStateException(e);
      }
    }
  }
}
