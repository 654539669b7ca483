package bd.com.getit.realtime.bench.scenario;

import bd.com.getit.realtime.bench.client.ClientLoop;
import bd.com.getit.realtime.bench.client.SioConnection;
import bd.com.getit.realtime.bench.client.SioListener;
import bd.com.getit.realtime.bench.client.Target;
import bd.com.getit.realtime.bench.client.Tokens;
import bd.com.getit.realtime.bench.measure.Latency;
import bd.com.getit.realtime.bench.measure.Report;
import bd.com.getit.realtime.bench.soak.ServerProbe;
import bd.com.getit.realtime.bench.soak.SoakSample;
import bd.com.getit.realtime.bench.soak.SoakSvg;
import bd.com.getit.realtime.bench.soak.SoakVerdict;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * {@code soak}: mixed traffic against one server for a long time (an hour by default), sampling the
 * server every 10 s to show whether anything grows. The traffic, all at once:
 *
 * <ul>
 *   <li>fanout: {@code bench_tick} published over REST to {@code product:soak-<k>} channels, each
 *       channel with its subscribers;
 *   <li>chat: pairs of users in their own room, {@code send_message} with an ack to the partner;
 *   <li>presence: {@code update_presence} of the chat users, announced to their partners;
 *   <li>joins and leaves: subscribers moving from one product channel to another;
 *   <li>reconnects: subscribers dropping their TCP connection and coming back with Socket.IO
 *       connection state recovery ({@code pid}, {@code offset}), or disconnecting on purpose and
 *       coming back as a fresh session that joins again.
 * </ul>
 *
 * Every subscriber checks the per-channel sequence of what it receives (across recoveries too): a
 * gap is a missing delivery, a repeat a duplicate. Errors are those, refused or unanswered acks,
 * failed publishes, failed connects, disconnects the bench did not ask for and recoveries that did
 * not happen. Writes {@code soak.tsv}, {@code soak.svg} and {@code verdict.txt} to {@code
 * --soak-dir}.
 */
final class SoakScenario implements Scenario {

  private static final String EVENT = "bench_tick";
  private static final byte[] TICK = Scan.ascii("[\"" + EVENT + "\",");
  private static final byte[] MESSAGE = Scan.ascii("[\"message\",");
  private static final byte[] SEQ = Scan.ascii("\"seq\":");
  private static final byte[] TS = Scan.ascii("\"ts\":");
  private static final byte[] CH = Scan.ascii("\"ch\":");
  private static final String[] STATUSES = {"online", "away", "busy"};

  @Override
  public String name() {
    return "soak";
  }

  /** One simulated user with one socket at a time; its state lives on its loop's thread. */
  private static final class Client {
    final int index;
    final String user;
    final String token;
    final ClientLoop loop;
    final String room; // chat users: their room; null for subscribers
    final AtomicBoolean initial = new AtomicBoolean(true);
    final AtomicLong sent = new AtomicLong();
    volatile SioConnection conn;
    volatile boolean busy; // a move or a reconnect under way
    volatile boolean closingOnPurpose;
    volatile int channel;
    volatile long lastSeq = -1; // the last tick of its channel received, -1 none yet
    long partnerSeq = -1; // chat users: the partner's last message received
    boolean expectRecovery;
    String offset;
    String lastSid;
    String lastPid;

    Client(int index, String user, String token, ClientLoop loop, String room) {
      this.index = index;
      this.user = user;
      this.token = token;
      this.loop = loop;
      this.room = room;
    }

    boolean chat() {
      return room != null;
    }
  }

  // What went wrong, each counted apart; their sum is the run's error count.
  private final LongAdder ackErrors = new LongAdder();
  private final LongAdder unexpectedCloses = new LongAdder();
  private final LongAdder connectFailures = new LongAdder();
  private final LongAdder missing = new LongAdder();
  private final LongAdder duplicates = new LongAdder();
  private final LongAdder publishErrors = new LongAdder();
  private final LongAdder notRecovered = new LongAdder();
  // What went right.
  private final LongAdder delivered = new LongAdder();
  private final LongAdder chatAcked = new LongAdder();
  private final LongAdder chatDelivered = new LongAdder();
  private final LongAdder published = new LongAdder();
  private final LongAdder publishSkipped = new LongAdder();
  private final LongAdder recovered = new LongAdder();
  private final LongAdder freshReconnects = new LongAdder();
  private final LongAdder moves = new LongAdder();
  private final LongAdder presenceUpdates = new LongAdder();
  private final AtomicLong pendingAcks = new AtomicLong();
  private final Latency deliveryLatency = new Latency();
  private final Latency ackLatency = new Latency();
  private final Map<String, Integer> reasons = new ConcurrentHashMap<>();

  private Target target;
  private int channels;
  private AtomicLongArray lastAccepted; // per channel: the last seq the server accepted
  private ScheduledExecutorService scheduler;
  private CountDownLatch ready;
  private Semaphore handshakes;
  private volatile boolean stopping;

  @Override
  public void run(BenchOptions o, Report report) throws Exception {
    int duration = o.param("duration", 3600, 60);
    int sampleSeconds = o.param("sample-seconds", 10, 5);
    int sockets = o.param("sockets", 2_000, 200);
    int pairs = o.param("pairs", 200, 20);
    channels = o.param("channels", 20, 4);
    int publishRate = o.param("publish-rate", 4, 4);
    int chatRate = o.param("chat-rate", 40, 10);
    int presenceRate = o.param("presence-rate", 10, 4);
    int moveRate = o.param("move-rate", 2, 2);
    int reconnectRate = o.param("reconnect-rate", 2, 2);
    int gcEvery = o.param("gc-every", 12, 2);
    Path dir = Path.of(o.overrides().getOrDefault("soak-dir", "realtime-bench/target/soak"));
    if (o.serverPids().size() != 1 || o.targets().size() != 1) {
      throw new IllegalArgumentException("soak needs exactly one --target and one --pid");
    }
    if (pairs * 2 >= sockets) {
      throw new IllegalArgumentException("--pairs must leave sockets for the subscribers");
    }
    Files.createDirectories(dir);
    target = o.targets().get(0);
    ServerProbe probe = new ServerProbe(o.serverPids().get(0), target.baseUrl());
    Tokens tokens = new Tokens(o.secret());
    String serviceToken = tokens.token("soak-publisher", "service");
    List<String> chatJwt = new ArrayList<>();
    for (int i = 0; i < pairs * 2; i++) {
      chatJwt.add(tokens.token(ChatScenario.user(i), "customer"));
    }
    List<String> rooms = ChatScenario.createRooms(o, pairs, chatJwt);
    if (rooms == null) {
      return;
    }
    report.note(
        String.format(
            Locale.ROOT,
            "%d sockets (%d chat pairs, %d subscribers on %d product channels) for %d s: %d"
                + " publishes/s over REST, %d chat messages/s, %d presence updates/s, %d channel"
                + " moves/s, %d reconnects/s; a sample every %d s, a forced full GC every %d",
            sockets,
            pairs,
            sockets - 2 * pairs,
            channels,
            duration,
            publishRate,
            chatRate,
            presenceRate,
            moveRate,
            reconnectRate,
            sampleSeconds,
            gcEvery));

    List<ClientLoop> loops = new ArrayList<>();
    for (int i = 0; i < o.loops(); i++) {
      loops.add(new ClientLoop("soak-loop-" + i));
    }
    List<Client> clients = new ArrayList<>(sockets);
    for (int i = 0; i < sockets; i++) {
      ClientLoop loop = loops.get(i % loops.size());
      if (i < pairs * 2) {
        clients.add(new Client(i, ChatScenario.user(i), chatJwt.get(i), loop, rooms.get(i / 2)));
      } else {
        String user = "s" + i;
        Client c = new Client(i, user, tokens.token(user, "customer"), loop, null);
        c.channel = i % channels;
        clients.add(c);
      }
    }
    List<Client> chatClients = clients.subList(0, pairs * 2);
    List<Client> subscribers = clients.subList(pairs * 2, sockets);
    lastAccepted = new AtomicLongArray(channels);
    for (int k = 0; k < channels; k++) {
      lastAccepted.set(k, -1);
    }
    scheduler = Executors.newScheduledThreadPool(1);

    // Connect everyone, 200 handshakes at a time, each joining its channel.
    ready = new CountDownLatch(sockets);
    handshakes = new Semaphore(200);
    long connectStart = System.nanoTime();
    for (Client c : clients) {
      if (!handshakes.tryAcquire(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("handshakes stalled:" + reasons());
      }
      c.loop.execute(() -> open(c, false));
    }
    if (!ready.await(120, TimeUnit.SECONDS)) {
      throw new IllegalStateException(ready.getCount() + " clients not ready:" + reasons());
    }
    report.note(
        String.format(
            Locale.ROOT,
            "%d sockets connected and joined in %.1f s",
            sockets,
            (System.nanoTime() - connectStart) / 1e9));
    handshakes = null;

    // The traffic.
    Publishing publishing = new Publishing(serviceToken);
    every(publishRate, publishing::next);
    every(chatRate, new ChatSender(chatClients)::next);
    every(presenceRate, () -> presence(pick(chatClients)));
    every(moveRate, () -> move(pick(subscribers)));
    AtomicBoolean recover = new AtomicBoolean();
    every(reconnectRate, () -> reconnect(pick(subscribers), recover.getAndSet(!recover.get())));

    // Sampling.
    Path tsv = dir.resolve("soak.tsv");
    Files.writeString(tsv, SoakSample.header() + "\n", StandardCharsets.UTF_8);
    List<SoakSample> samples = new ArrayList<>();
    long start = System.nanoTime();
    long deliveredBefore = 0;
    double heapAfterGc = Double.NaN;
    deliveryLatency.interval();
    ackLatency.interval();
    for (int n = 1; ; n++) {
      long due = start + TimeUnit.SECONDS.toNanos((long) n * sampleSeconds);
      long wait = due - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait); // the sampling clock: nothing to wait on
      }
      double elapsed = (System.nanoTime() - start) / 1e9;
      if ((n - 1) % gcEvery == 0) {
        heapAfterGc = probe.heapAfterFullGcBytes() / 1048576.0;
      }
      ServerProbe.Metrics metrics;
      try {
        metrics = probe.scrape();
      } catch (IOException e) {
        // One slow scrape of a starved machine must not end an hour's run: its gauges read 0.
        System.out.println("  # GET /metrics failed: " + e);
        metrics = new ServerProbe.Metrics("");
      }
      Histogram window = deliveryLatency.interval();
      Histogram acks = ackLatency.interval();
      long deliveredNow = delivered.sum();
      SoakSample sample =
          new SoakSample(
              elapsed,
              probe.rssBytes() / 1048576.0,
              metrics.sum("jvm_memory_used_bytes", "area=\"heap\"") / 1048576.0,
              heapAfterGc,
              probe.threads(),
              probe.openFds(),
              (int) metrics.sum("realtime_sockets", ""),
              (int) metrics.sum("realtime_client_events_waiting", ""),
              live(clients),
              deliveredNow - deliveredBefore,
              window.getValueAtPercentile(50) / 1000.0,
              window.getValueAtPercentile(99) / 1000.0,
              acks.getValueAtPercentile(99) / 1000.0,
              errors());
      deliveredBefore = deliveredNow;
      samples.add(sample);
      Files.writeString(
          tsv, sample.tsv() + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
      System.out.println("  " + sample.tsv());
      if (elapsed >= duration) {
        break;
      }
    }

    // Stop the traffic, let the last deliveries land, then count what never arrived.
    stopping = true;
    scheduler.shutdown();
    scheduler.awaitTermination(30, TimeUnit.SECONDS);
    long settleUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (pendingAcks.get() > 0 && System.nanoTime() < settleUntil) {
      Thread.sleep(50); // polling a counter: nothing to wait on
    }
    Thread.sleep(2000); // the last ticks after the last publish ack; a fixed grace, documented
    long tail = 0;
    for (Client c : subscribers) {
      SioConnection conn = c.conn;
      long last = lastAccepted.get(c.channel);
      if (conn != null && conn.isConnected() && !c.busy && c.lastSeq >= 0 && last > c.lastSeq) {
        tail += last - c.lastSeq;
      }
    }
    missing.add(tail);
    long chatLost = Math.max(0, chatAcked.sum() - chatDelivered.sum());
    missing.add(chatLost);
    long unanswered = pendingAcks.get();
    ackErrors.add(Math.max(0, unanswered));

    long errors = errors();
    SoakVerdict verdict = SoakVerdict.of(samples, errors);
    String title =
        String.format(
            Locale.ROOT,
            "soak: %d sockets, %.0f deliveries/s, %d min",
            sockets,
            delivered.sum() / Math.max(1, samples.get(samples.size() - 1).seconds()),
            Math.round(samples.get(samples.size() - 1).seconds() / 60));
    Files.writeString(dir.resolve("soak.svg"), SoakSvg.render(title, samples));
    String counts = counts(unanswered);
    Files.writeString(dir.resolve("verdict.txt"), verdict.text() + counts);
    System.out.print(verdict.text() + counts);
    report.put("samples", samples.size(), "samples", Report.HIGHER);
    report.put("deliveries", delivered.sum(), "events", Report.HIGHER);
    report.put("errors", errors, "errors", Report.ZERO);
    report.put(
        "heap_after_gc_slope_mib_h", verdict.heapAfterGc().slopePerHour(), "MiB/h", Report.ZERO);
    report.put("rss_slope_mib_h", verdict.rss().slopePerHour(), "MiB/h", Report.ZERO);
    report.note("verdict: " + (verdict.passed() ? "PASS" : "FAIL") + "; files in " + dir);
    if (!reasons.isEmpty()) {
      report.note("closes the bench did not ask for or failed connects:" + reasons());
    }
    for (Client c : clients) {
      SioConnection conn = c.conn;
      if (conn != null) {
        conn.close();
      }
    }
    for (ClientLoop loop : loops) {
      loop.close();
    }
  }

  private String counts(long unanswered) {
    return String.format(
        Locale.ROOT,
        "deliveries %d (chat %d), publishes %d (skipped while the previous one of the channel was"
            + " in flight: %d), chat acked %d, presence updates %d, moves %d, recovered %d, fresh"
            + " reconnects %d%nerrors: ack refused or unanswered %d (unanswered %d), unexpected"
            + " closes %d, failed connects %d, missing %d, duplicates %d, failed publishes %d, not"
            + " recovered %d%n",
        delivered.sum(),
        chatDelivered.sum(),
        published.sum(),
        publishSkipped.sum(),
        chatAcked.sum(),
        presenceUpdates.sum(),
        moves.sum(),
        recovered.sum(),
        freshReconnects.sum(),
        ackErrors.sum(),
        unanswered,
        unexpectedCloses.sum(),
        connectFailures.sum(),
        missing.sum(),
        duplicates.sum(),
        publishErrors.sum(),
        notRecovered.sum());
  }

  private long errors() {
    return ackErrors.sum()
        + unexpectedCloses.sum()
        + connectFailures.sum()
        + missing.sum()
        + duplicates.sum()
        + publishErrors.sum()
        + notRecovered.sum();
  }

  private static int live(List<Client> clients) {
    int live = 0;
    for (Client c : clients) {
      SioConnection conn = c.conn;
      if (conn != null && conn.isConnected()) {
        live++;
      }
    }
    return live;
  }

  private static Client pick(List<Client> clients) {
    return clients.get(ThreadLocalRandom.current().nextInt(clients.size()));
  }

  private void every(int perSecond, Runnable action) {
    if (perSecond <= 0) {
      return;
    }
    scheduler.scheduleAtFixedRate(
        () -> {
          try {
            action.run();
          } catch (RuntimeException e) {
            System.err.println("soak: " + e);
          }
        },
        0,
        1_000_000L / perSecond,
        TimeUnit.MICROSECONDS);
  }

  private void reason(String reason) {
    String key = reason.length() > 120 ? reason.substring(0, 120) : reason;
    if (reasons.merge(key, 1, Integer::sum) == 1) {
      System.out.println("  # " + key);
    }
  }

  private String reasons() {
    StringBuilder text = new StringBuilder();
    reasons.entrySet().stream()
        .sorted((a, b) -> b.getValue() - a.getValue())
        .limit(8)
        .forEach(e -> text.append("\n    ").append(e.getValue()).append(" x ").append(e.getKey()));
    return text.toString();
  }

  // ------------------------------------------------------------ connections, on the loop thread

  /** Opens a new socket for {@code c}: recovering its last session when asked and possible. */
  private void open(Client c, boolean recover) {
    String pid = recover ? c.lastPid : null;
    String offset = recover ? c.offset : null;
    c.expectRecovery = pid != null && offset != null;
    SioConnection conn =
        new SioConnection(c.index, c.loop, target, null, c.token, pid, offset, listener(c));
    c.conn = conn;
    conn.start();
  }

  private SioListener listener(Client c) {
    return new SioListener() {
      @Override
      public void connected(SioConnection conn) {
        if (conn != c.conn) {
          return;
        }
        if (c.initial.get() && handshakes != null) {
          handshakes.release();
        }
        boolean wasRecovery = c.expectRecovery;
        boolean sameSession = wasRecovery && conn.sid() != null && conn.sid().equals(c.lastSid);
        c.lastSid = conn.sid();
        c.lastPid = conn.pid();
        if (sameSession) {
          recovered.increment(); // its channels are back, the missed ticks on their way
          c.busy = false;
          return;
        }
        if (wasRecovery) {
          notRecovered.increment();
          reason("recovery refused: a new session " + conn.sid() + " instead of " + c.lastSid);
        }
        c.lastSeq = -1;
        c.offset = null;
        String channel = c.chat() ? "chat:" + c.room : productChannel(c.channel);
        joinThen(c, conn, channel, () -> c.busy = false);
      }

      @Override
      public void closed(SioConnection conn, String reason) {
        if (conn != c.conn) {
          return;
        }
        boolean neverConnected = conn.connectNanos() == 0;
        if (c.initial.get() && neverConnected && handshakes != null) {
          handshakes.release();
        }
        if (c.closingOnPurpose || stopping) {
          return;
        }
        if (neverConnected) {
          connectFailures.increment();
          reason("connect failed: " + reason);
        } else {
          unexpectedCloses.increment();
          reason("closed unasked: " + reason);
        }
        // Keep the load steady: back in a second, recovering the session when it can.
        c.busy = true;
        later(1000, c, () -> open(c, true));
      }

      @Override
      public void event(SioConnection conn, byte[] b, int offset, int length, long at) {
        if (conn != c.conn) {
          return;
        }
        String eventOffset = lastStringArgument(b, offset, length);
        if (eventOffset != null) {
          c.offset = eventOffset;
        }
        if (Scan.startsWith(b, offset, length, TICK)) {
          tick(c, b, offset, length, at);
        } else if (Scan.startsWith(b, offset, length, MESSAGE)) {
          message(c, b, offset, length, at);
        }
      }
    };
  }

  private void tick(Client c, byte[] b, int offset, int length, long at) {
    long seq = Scan.longAfter(b, offset, length, SEQ);
    long ts = Scan.longAfter(b, offset, length, TS);
    long ch = Scan.longAfter(b, offset, length, CH);
    if (seq < 0 || ts < 0 || ch != c.channel) {
      return; // a tick of the channel it just left
    }
    delivered.increment();
    deliveryLatency.recordNanos(at - ts);
    long last = c.lastSeq;
    if (last >= 0 && seq <= last) {
      duplicates.increment();
      return;
    }
    if (last >= 0 && seq > last + 1) {
      missing.add(seq - last - 1);
      reason("ticks missing on " + productChannel(c.channel));
    }
    c.lastSeq = seq;
  }

  private void message(Client c, byte[] b, int offset, int length, long at) {
    long seq = Scan.longAfter(b, offset, length, SEQ);
    long ts = Scan.longAfter(b, offset, length, TS);
    if (seq < 0 || ts < 0) {
      return;
    }
    if (seq <= c.partnerSeq) {
      duplicates.increment();
      reason("duplicate chat message");
      return;
    }
    c.partnerSeq = seq;
    delivered.increment();
    chatDelivered.increment();
    deliveryLatency.recordNanos(at - ts);
  }

  /** Joins {@code channel} and runs {@code then}; a refusal counts as an ack error. */
  private void joinThen(Client c, SioConnection conn, String channel, Runnable then) {
    emitChecked(
        conn,
        "join_channel",
        "{\"channels\":[\"" + channel + "\"]}",
        json -> json.contains("\"ok\":true") && json.contains("\"rejected\":[]"),
        () -> {
          if (c.initial.compareAndSet(true, false)) {
            ready.countDown();
          }
          then.run();
        });
  }

  private void emitChecked(
      SioConnection conn,
      String event,
      String json,
      java.util.function.Predicate<String> ok,
      Runnable then) {
    pendingAcks.incrementAndGet();
    conn.emitWithAck(
        event,
        json,
        (reply, rtt) -> {
          pendingAcks.decrementAndGet();
          ackLatency.recordNanos(rtt);
          if (!ok.test(reply)) {
            ackErrors.increment();
            reason(event + " refused: " + reply);
          }
          then.run();
        });
  }

  private void later(long millis, Client c, Runnable onLoop) {
    if (stopping) {
      return;
    }
    scheduler.schedule(() -> c.loop.execute(onLoop), millis, TimeUnit.MILLISECONDS);
  }

  // ------------------------------------------------------------ the traffic, from the scheduler

  /** Round robin over the channels; one publish in flight per channel keeps their order. */
  private final class Publishing {
    private final HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final URI uri = URI.create(target.baseUrl() + "/api/v1/realtime/events");
    private final String token;
    private final AtomicBoolean[] inFlight;
    private int next;

    Publishing(String token) {
      this.token = token;
      inFlight = new AtomicBoolean[channels];
      for (int k = 0; k < channels; k++) {
        inFlight[k] = new AtomicBoolean();
      }
    }

    void next() {
      int k = next;
      next = (next + 1) % channels;
      if (!inFlight[k].compareAndSet(false, true)) {
        publishSkipped.increment();
        return;
      }
      long seq = lastAccepted.get(k) + 1;
      String body =
          "{\"event\":\""
              + EVENT
              + "\",\"channel\":\""
              + productChannel(k)
              + "\",\"data\":{\"seq\":"
              + seq
              + ",\"ch\":"
              + k
              + ",\"ts\":"
              + System.nanoTime()
              + "}}";
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Authorization", "Bearer " + token)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(10))
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, error) -> {
                if (error == null && response.statusCode() == 202) {
                  lastAccepted.set(k, seq); // only now: the next publish takes seq + 1
                  published.increment();
                } else {
                  publishErrors.increment();
                  reason(
                      "publish failed: "
                          + (error != null
                              ? error
                              : response.statusCode() + " " + response.body()));
                }
                inFlight[k].set(false);
              });
    }
  }

  /** Round robin over the chat users: each sends its next numbered message to its room. */
  private final class ChatSender {
    private final List<Client> clients;
    private int next;

    ChatSender(List<Client> clients) {
      this.clients = clients;
    }

    void next() {
      Client c = clients.get(next);
      next = (next + 1) % clients.size();
      SioConnection conn = c.conn;
      if (conn == null || !conn.isConnected()) {
        return;
      }
      long seq = c.sent.getAndIncrement();
      String json =
          "{\"channel\":\"chat:"
              + c.room
              + "\",\"message\":\"hello "
              + seq
              + "\",\"type\":\"text\",\"metadata\":{\"seq\":"
              + seq
              + ",\"ts\":"
              + System.nanoTime()
              + "}}";
      pendingAcks.incrementAndGet();
      conn.emitWithAck(
          "send_message",
          json,
          (reply, rtt) -> {
            pendingAcks.decrementAndGet();
            ackLatency.recordNanos(rtt);
            if (reply.contains("\"ok\":true")) {
              chatAcked.increment();
            } else {
              ackErrors.increment();
              reason("send_message refused: " + reply);
            }
          });
    }
  }

  private void presence(Client c) {
    SioConnection conn = c.conn;
    if (conn == null || !conn.isConnected()) {
      return;
    }
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String json =
        "{\"status\":\""
            + STATUSES[random.nextInt(STATUSES.length)]
            + "\",\"current_page\":\"/p/"
            + random.nextInt(1000)
            + "\"}";
    emitChecked(
        conn, "update_presence", json, r -> r.contains("\"ok\":true"), presenceUpdates::increment);
  }

  /** A subscriber leaves its product channel and joins another. */
  private void move(Client c) {
    c.loop.execute(
        () -> {
          SioConnection conn = c.conn;
          if (c.busy || conn == null || !conn.isConnected()) {
            return;
          }
          c.busy = true;
          int from = c.channel;
          int to = (from + 1 + ThreadLocalRandom.current().nextInt(channels - 1)) % channels;
          emitChecked(
              conn,
              "leave_channel",
              "{\"channels\":[\"" + productChannel(from) + "\"]}",
              r -> r.contains("\"ok\":true") && r.contains(productChannel(from)),
              () -> {
                c.channel = to;
                c.lastSeq = -1;
                joinThen(
                    c,
                    conn,
                    productChannel(to),
                    () -> {
                      moves.increment();
                      c.busy = false;
                    });
              });
        });
  }

  /**
   * A subscriber's socket goes away and comes back a second later: {@code recover} drops the TCP
   * connection (a lost network) and reconnects with its pid and offset; otherwise it disconnects on
   * purpose and comes back as a fresh session.
   */
  private void reconnect(Client c, boolean recover) {
    c.loop.execute(
        () -> {
          SioConnection conn = c.conn;
          if (c.busy || conn == null || !conn.isConnected()) {
            return;
          }
          c.busy = true;
          c.closingOnPurpose = true;
          if (recover) {
            conn.close();
          } else {
            conn.disconnect();
            freshReconnects.increment();
          }
          later(
              1000,
              c,
              () -> {
                c.closingOnPurpose = false;
                open(c, recover);
              });
        });
  }

  private static String productChannel(int k) {
    return "product:soak-" + k;
  }

  /**
   * The last argument of an EVENT packet's JSON array when it is a string: the recovery offset the
   * server appends to channel events; null when the last argument is not a string.
   */
  static String lastStringArgument(byte[] b, int offset, int length) {
    int end = offset + length;
    if (length < 4 || b[end - 1] != ']' || b[end - 2] != '"') {
      return null;
    }
    int close = end - 2;
    int open = close - 1;
    while (open > offset && b[open] != '"') {
      open--;
    }
    if (open <= offset || b[open - 1] != ',') {
      return null;
    }
    return new String(b, open + 1, close - open - 1, StandardCharsets.UTF_8);
  }
}
