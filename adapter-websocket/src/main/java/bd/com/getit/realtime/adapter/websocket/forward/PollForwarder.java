package bd.com.getit.realtime.adapter.websocket.forward;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Relays one polling request to the node that holds its session and its answer back: the response
 * is suspended meanwhile (a long-poll may wait up to the ping interval), a POST body is read
 * without blocking, the HTTP client is asynchronous, so no thread waits. At most {@code
 * maxInFlight} requests are relayed at once; an owner that cannot be reached is answered as an
 * unknown session (HTTP 400), so the client starts a new one.
 */
final class PollForwarder {
  private static final System.Logger LOG = System.getLogger(PollForwarder.class.getName());

  /** The Engine.IO error of a session this node cannot serve: the client reconnects. */
  static final String UNKNOWN_SID = "{\"code\":1,\"message\":\"Session ID unknown\"}";

  /** Request headers the owner needs (CORS, cookies, content); the rest are hop-by-hop or noise. */
  private static final List<String> REQUEST_HEADERS =
      List.of("Content-Type", "Origin", "Cookie", "User-Agent", "Accept", "Accept-Language");

  /** Response headers the client needs; the length is set from the body. */
  private static final List<String> RESPONSE_HEADERS =
      List.of(
          "Content-Type",
          "Cache-Control",
          "Set-Cookie",
          "Access-Control-Allow-Origin",
          "Access-Control-Allow-Credentials",
          "Vary");

  private final HttpClient http;
  private final ForwardOptions options;
  private final NodeTag self;
  private final AtomicInteger inFlight = new AtomicInteger();

  PollForwarder(HttpClient http, ForwardOptions options, NodeTag self) {
    this.http = http;
    this.options = options;
    this.self = self;
  }

  int inFlight() {
    return inFlight.get();
  }

  void forward(Optional<URI> owner, Request request, Response response) {
    if (owner.isEmpty()) {
      reply(response, 400, "application/json", UNKNOWN_SID); // the owner left meanwhile
      return;
    }
    if (inFlight.incrementAndGet() > options.maxInFlight()) {
      inFlight.decrementAndGet();
      response.setHeader("Retry-After", "1");
      reply(response, 503, "text/plain; charset=UTF-8", "too many forwarded requests");
      return;
    }
    CompletableFuture<HttpResponse<byte[]>> exchange = new CompletableFuture<>();
    response.suspend(-1, TimeUnit.MILLISECONDS, new ClientGone(exchange));
    // Grizzly must see this handler return before the response is resumed: resumed on another
    // thread while the handler still runs, it would be finished twice. So the answer is written by
    // whichever comes last, the handler's return or the owner's answer.
    AtomicInteger pending = new AtomicInteger(2);
    Runnable answer =
        () -> {
          if (pending.decrementAndGet() == 0) {
            answer(exchange, response, owner.get());
          }
        };
    exchange.whenComplete((result, failure) -> answer.run());
    try {
      start(owner.get(), request, exchange);
    } finally {
      answer.run();
    }
  }

  private void answer(
      CompletableFuture<HttpResponse<byte[]>> exchange, Response response, URI owner) {
    inFlight.decrementAndGet();
    if (exchange.isCancelled()) {
      return; // the client went away: Grizzly has already recycled its response
    }
    try {
      relay(exchange.join(), response);
    } catch (java.util.concurrent.CompletionException e) {
      LOG.log(Level.DEBUG, "forwarding to " + owner + " failed", e.getCause());
      if (e.getCause() instanceof TooLarge) {
        reply(response, 413, "text/plain; charset=UTF-8", "payload too large");
      } else {
        reply(response, 400, "application/json", UNKNOWN_SID);
      }
    }
  }

  /** Sends the request to the owner (once a POST's body is read); completes {@code exchange}. */
  private void start(URI owner, Request request, CompletableFuture<HttpResponse<byte[]>> exchange) {
    HttpRequest.Builder outbound =
        HttpRequest.newBuilder(target(owner, request)).timeout(options.pollTimeout());
    for (String name : REQUEST_HEADERS) {
      String value = request.getHeader(name);
      if (value != null) {
        outbound.header(name, value);
      }
    }
    outbound.header(SessionForwarder.FORWARDED_BY, self.value());
    outbound.header("X-Forwarded-For", forwardedFor(request));
    if (Method.POST.equals(request.getMethod())) {
      NIOInputStream in = request.getNIOInputStream();
      in.notifyAvailable(
          new BodyReader(
              in,
              options.maxPayload(),
              body -> send(outbound.POST(HttpRequest.BodyPublishers.ofByteArray(body)), exchange),
              exchange));
    } else {
      send(outbound.method(request.getMethod().getMethodString(), noBody()), exchange);
    }
  }

  private void send(
      HttpRequest.Builder outbound, CompletableFuture<HttpResponse<byte[]>> exchange) {
    if (exchange.isDone()) {
      return; // the client went away while its body was read
    }
    CompletableFuture<HttpResponse<byte[]>> call =
        http.sendAsync(outbound.build(), HttpResponse.BodyHandlers.ofByteArray());
    call.whenComplete(
        (answer, failure) -> {
          if (failure == null) {
            exchange.complete(answer);
          } else {
            exchange.completeExceptionally(failure);
          }
        });
    // a client that goes away cancels the call: the owner sees its poll end, as a direct one
    exchange.whenComplete(
        (answer, failure) -> {
          if (exchange.isCancelled()) {
            call.cancel(true);
          }
        });
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  private static URI target(URI owner, Request request) {
    String query = request.getQueryString();
    return owner.resolve(request.getRequestURI() + (query == null ? "" : "?" + query));
  }

  private static String forwardedFor(Request request) {
    String earlier = request.getHeader("X-Forwarded-For");
    String peer = request.getRemoteAddr();
    return earlier == null || earlier.isBlank() ? peer : earlier + ", " + peer;
  }

  private static void relay(HttpResponse<byte[]> answer, Response response) {
    for (String name : RESPONSE_HEADERS) {
      List<String> values = answer.headers().allValues(name);
      for (String value : values) {
        response.addHeader(name, value);
      }
    }
    String type = answer.headers().firstValue("Content-Type").orElse(null);
    write(response, answer.statusCode(), type, answer.body());
  }

  private static void reply(Response response, int status, String type, String body) {
    write(response, status, type, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void write(Response response, int status, String type, byte[] body) {
    try {
      response.setStatus(status);
      if (type != null) {
        response.setContentType(type);
      }
      // No Content-Length up front: Grizzly sets it when the resume below finishes the response.
      // With it set, the last byte written could reach the client before the resume, and the
      // client's next request on this connection would find the response still suspended.
      if (body.length > 0) {
        response.getOutputStream().write(body);
      }
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "could not write a forwarded response", e);
    } finally {
      if (response.isSuspended()) {
        try {
          response.resume();
        } catch (IllegalStateException e) {
          LOG.log(Level.DEBUG, "response no longer suspended", e);
        }
      }
    }
  }

  /** A POST body over the engine's limit: answered 413 here, as the owner would. */
  private static final class TooLarge extends IOException {
    TooLarge(int max) {
      super("forwarded body over " + max + " bytes");
    }
  }

  /** Cancels the relay when the client closes its connection before the answer. */
  private static final class ClientGone implements CompletionHandler<Response> {
    private final CompletableFuture<?> exchange;

    ClientGone(CompletableFuture<?> exchange) {
      this.exchange = exchange;
    }

    @Override
    public void cancelled() {
      exchange.cancel(false);
    }

    @Override
    public void failed(Throwable throwable) {
      exchange.cancel(false);
    }

    @Override
    public void completed(Response result) {}

    @Override
    public void updated(Response result) {}
  }

  /** Reads a POST body as it arrives, never more than {@code max} bytes. */
  private static final class BodyReader implements ReadHandler {
    private final NIOInputStream in;
    private final int max;
    private final java.util.function.Consumer<byte[]> done;
    private final CompletableFuture<?> exchange;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(256);
    private final byte[] chunk = new byte[8192];

    BodyReader(
        NIOInputStream in,
        int max,
        java.util.function.Consumer<byte[]> done,
        CompletableFuture<?> exchange) {
      this.in = in;
      this.max = max;
      this.done = done;
      this.exchange = exchange;
    }

    @Override
    public void onDataAvailable() throws Exception {
      if (readAvailable()) {
        in.notifyAvailable(this);
      }
    }

    @Override
    public void onAllDataRead() throws Exception {
      if (readAvailable()) {
        done.accept(body.toByteArray());
      }
    }

    @Override
    public void onError(Throwable t) {
      exchange.completeExceptionally(t);
    }

    private boolean readAvailable() throws IOException {
      while (in.isReady()) {
        int read = in.read(chunk, 0, Math.min(chunk.length, Math.max(1, in.readyData())));
        if (read < 0) {
          break;
        }
        body.write(chunk, 0, read);
        if (body.size() > max) {
          // the owner would refuse it too; its session ends as on an oversized direct POST
          exchange.completeExceptionally(new TooLarge(max));
          return false;
        }
      }
      return true;
    }
  }
}
