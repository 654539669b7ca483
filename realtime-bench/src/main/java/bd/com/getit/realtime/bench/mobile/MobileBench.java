package bd.com.getit.realtime.bench.mobile;

import bd.com.getit.realtime.bench.client.Tokens;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The {@code mobile} scenario (docs/mobile.md): a few simulated phones behind a {@link
 * LinkSimulator} of each profile receive a realistic mix (price updates of about 200 bytes on three
 * product channels, order updates, notifications of about 800 bytes with Bangla text, payment
 * events), once as delivery was before this work (no compression, no network class), once with
 * permessage-deflate, and once with deflate and the phone's {@code network_info} (slow-link mode).
 * Publishes go straight to the server over REST; only the phones' side crosses the link. Prints a
 * markdown table per profile.
 *
 * <p>Usage: {@code java -jar realtime-bench.jar mobile --target http://127.0.0.1:8080 --secret S
 * [--profiles 2g,3g,4g] [--seconds 20] [--phones 3] [--proxy-port 41620]}
 */
public final class MobileBench {

  private static final List<String> PRODUCTS = List.of("product:m1", "product:m2", "product:m3");
  private static final String ORDERS = "product:m-orders";
  private static final String NEWS = "product:m-news";

  /** How the phones are served in one run. */
  private enum Mode {
    PLAIN("before: plain", false, false),
    DEFLATE("permessage-deflate", true, false),
    SHAPED("deflate + network_info", true, true);

    final String label;
    final boolean deflate;
    final boolean report;

    Mode(String label, boolean deflate, boolean report) {
      this.label = label;
      this.deflate = deflate;
      this.report = report;
    }
  }

  private final URI target;
  private final Tokens tokens;
  private final String service;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final int seconds;
  private final int phones;
  private final int proxyPort;
  private final AtomicLong seq = new AtomicLong();

  private MobileBench(URI target, String secret, int seconds, int phones, int proxyPort) {
    this.target = target;
    this.tokens = new Tokens(secret);
    this.service = tokens.token("mobile-bench-service", "service");
    this.seconds = seconds;
    this.phones = phones;
    this.proxyPort = proxyPort;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    if (!options.containsKey("target") || !options.containsKey("secret")) {
      System.err.println(
          "usage: mobile --target http://127.0.0.1:8080 --secret <HS256 secret>"
              + " [--profiles 2g,3g,4g] [--seconds 20] [--phones 3] [--proxy-port 41620]");
      System.exit(2);
    }
    MobileBench bench =
        new MobileBench(
            URI.create(options.get("target")),
            options.get("secret"),
            Integer.parseInt(options.getOrDefault("seconds", "20")),
            Integer.parseInt(options.getOrDefault("phones", "3")),
            Integer.parseInt(options.getOrDefault("proxy-port", "41620")));
    for (String name : options.getOrDefault("profiles", "2g,3g,4g").split(",")) {
      bench.profile(LinkSimulator.Profile.named(name.trim()));
    }
    System.exit(0);
  }

  private void profile(LinkSimulator.Profile profile) throws Exception {
    System.out.printf(
        "%n### %s: %d kbit/s down, %d up, %d ms RTT, %.1f%% loss; %d phones, %d s loaded%n%n",
        profile.name(),
        profile.downBitsPerSecond() / 1000,
        profile.upBitsPerSecond() / 1000,
        profile.roundTrip().toMillis(),
        profile.loss() * 100,
        phones,
        seconds);
    System.out.println(
        "| delivery | bytes down per delivered event | writes/min per phone | critical p50 / p99"
            + " idle (ms) | critical p50 / p99 loaded (ms) | high p50 / p99 loaded (ms) | low"
            + " delivered / published | low coalesced / shed | high+critical lost |");
    System.out.println("|---|---|---|---|---|---|---|---|---|");
    for (Mode mode : Mode.values()) {
      run(profile, mode);
    }
  }

  /** One run: an idle phase (critical events only), then the loaded phase. */
  private void run(LinkSimulator.Profile profile, Mode mode) throws Exception {
    Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    Map<String, AtomicLong> counts = new ConcurrentHashMap<>();
    AtomicLong phase = new AtomicLong(); // 0 idle, 1 loaded, 2 draining
    MobileClient.Sink sink =
        (client, event) -> {
          if (event.publishedMillis() <= 0) {
            return;
          }
          String key = event.priority() + (phase.get() == 0 ? "-idle" : "");
          counts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
          latencies
              .computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
              .add(event.atMillis() - event.publishedMillis());
        };
    InetSocketAddress server = new InetSocketAddress(target.getHost(), target.getPort());
    List<MobileClient> clients = new ArrayList<>();
    try (LinkSimulator link = openLink(server, profile)) {
      List<String> channels = new ArrayList<>(PRODUCTS);
      channels.add(ORDERS);
      channels.add(NEWS);
      for (int i = 0; i < phones; i++) {
        MobileClient client =
            new MobileClient(
                "127.0.0.1",
                link.port(),
                tokens.token("phone-" + mode.name().toLowerCase(Locale.ROOT) + "-" + i, "customer"),
                mode.deflate,
                mode.report ? profile.name() : null,
                channels,
                sink);
        if (!client.awaitJoined(30_000)) {
          throw new IllegalStateException("a phone did not join within 30 s on " + profile.name());
        }
        clients.add(client);
      }
      // idle: one critical event a second on an otherwise quiet link
      for (int s = 0; s < 8; s++) {
        publish("payment_status_update", ORDERS, "critical", 60);
        Thread.sleep(1000);
      }
      Thread.sleep(1000);
      Metrics before = Metrics.read(http, target);
      long bytesBefore = link.bytesDown();
      phase.set(1);
      long published = 0;
      long publishedLow = 0;
      long publishedHighCritical = 0;
      long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
      int tick = 0;
      // every 50 ms: two price updates (40/s, about 8 KB/s: more than 2G carries), and in turn an
      // order update (high), a notification (medium, Bangla), a payment event (critical)
      while (System.nanoTime() < end) {
        for (int k = 0; k < 2; k++) {
          publish("product_price_change", PRODUCTS.get((tick + k) % 3), "low", 200);
          publishedLow++;
        }
        published += 2;
        if (tick % 20 == 5) {
          publish("order_status_update", ORDERS, "high", 300);
          publishedHighCritical++;
          published++;
        }
        if (tick % 40 == 10) {
          publish("new_product_added", NEWS, "medium", 800);
          published++;
        }
        if (tick % 20 == 15) {
          publish("payment_status_update", ORDERS, "critical", 150);
          publishedHighCritical++;
          published++;
        }
        tick++;
        Thread.sleep(50);
      }
      // let the link drain what it was given (bounded: a plain 2G link may never catch up)
      long drainUntil = System.nanoTime() + Duration.ofSeconds(30).toNanos();
      long highCriticalExpected = publishedHighCritical * phones;
      while (System.nanoTime() < drainUntil
          && count(counts, "high") + count(counts, "critical") < highCriticalExpected) {
        Thread.sleep(100);
      }
      Thread.sleep(2000);
      phase.set(2);
      long bytes = link.bytesDown() - bytesBefore;
      Metrics after = Metrics.read(http, target);
      long delivered =
          count(counts, "low")
              + count(counts, "medium")
              + count(counts, "high")
              + count(counts, "critical");
      double minutes = (seconds + 2.0) / 60;
      System.out.printf(
          "| %s | %d | %.0f | %s | %s | %s | %d / %d | %d / %d | %d |%n",
          mode.label,
          delivered == 0 ? 0 : bytes / delivered,
          (after.writes - before.writes) / (double) phones / minutes,
          percentiles(latencies.get("critical-idle")),
          percentiles(latencies.get("critical")),
          percentiles(latencies.get("high")),
          count(counts, "low"),
          publishedLow * phones,
          (long) (after.coalesced - before.coalesced),
          (long) (after.shed - before.shed),
          highCriticalExpected - count(counts, "high") - count(counts, "critical"));
    } finally {
      for (MobileClient client : clients) {
        client.close();
      }
    }
  }

  /**
   * The simulator on the first free port from {@code --proxy-port} (ephemeral ports may hold one).
   */
  private LinkSimulator openLink(InetSocketAddress server, LinkSimulator.Profile profile)
      throws java.io.IOException {
    java.io.IOException last = null;
    for (int port = proxyPort; port < proxyPort + 40; port++) {
      try {
        return new LinkSimulator(port, server, profile);
      } catch (java.net.BindException e) {
        last = e;
      }
    }
    throw last;
  }

  private static long count(Map<String, AtomicLong> counts, String key) {
    AtomicLong value = counts.get(key);
    return value == null ? 0 : value.get();
  }

  private static String percentiles(List<Long> values) {
    if (values == null || values.isEmpty()) {
      return "-";
    }
    List<Long> sorted;
    synchronized (values) {
      sorted = new ArrayList<>(values);
    }
    Collections.sort(sorted);
    long p50 = sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.50)));
    long p99 = sorted.get((int) Math.min(sorted.size() - 1, Math.round(sorted.size() * 0.99)));
    return p50 + " / " + p99;
  }

  private static final String BANGLA =
      "আপনার অর্ডার পাঠানো হয়েছে, আগামীকাল পৌঁছাবে। ধন্যবাদ গেটইট থেকে কেনাকাটার জন্য। ";

  /** Publishes one event of about {@code size} bytes, stamped with its time and a sequence. */
  private void publish(String event, String channel, String priority, int size) {
    long n = seq.incrementAndGet();
    StringBuilder filler = new StringBuilder();
    String unit = size >= 600 ? BANGLA : "price 1299.00 BDT sku-48213 stock 17 ";
    while (filler.length() * (size >= 600 ? 2.5 : 1) < size - 80) {
      filler.append(unit);
    }
    String body =
        "{\"event\":\""
            + event
            + "\",\"channel\":\""
            + channel
            + "\",\"priority\":\""
            + priority
            + "\",\"data\":{\"seq\":"
            + n
            + ",\"ts\":"
            + System.currentTimeMillis()
            + ",\"text\":\""
            + filler
            + "\"}}";
    HttpRequest request =
        HttpRequest.newBuilder(target.resolve("/api/v1/realtime/events"))
            .header("Authorization", "Bearer " + service)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
        .thenAccept(
            response -> {
              if (response.statusCode() != 202) {
                System.err.println(
                    "publish refused: " + response.statusCode() + " " + response.body());
              }
            });
  }

  /** The server counters a run reads before and after its loaded phase. */
  private record Metrics(double writes, double coalesced, double shed) {
    static Metrics read(HttpClient http, URI target) throws Exception {
      String body =
          http.send(
                  HttpRequest.newBuilder(target.resolve("/metrics")).build(),
                  HttpResponse.BodyHandlers.ofString())
              .body();
      return new Metrics(
          sum(body, "realtime_wire_writes_total{", "transport=\"websocket\""),
          sum(body, "realtime_slow_link_events_total{", "outcome=\"coalesced\""),
          sum(body, "realtime_slow_link_events_total{", "outcome=\"shed\"")
              + sum(body, "realtime_delivery_shed_total", ""));
    }

    private static double sum(String body, String prefix, String label) {
      return body.lines()
          .filter(line -> line.startsWith(prefix) && line.contains(label))
          .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
          .sum();
    }
  }
}
