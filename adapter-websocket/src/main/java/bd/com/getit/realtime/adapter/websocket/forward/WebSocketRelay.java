package bd.com.getit.realtime.adapter.websocket.forward;

import bd.com.getit.realtime.adapter.websocket.engineio.RawFrameWriter;
import bd.com.getit.realtime.adapter.websocket.engineio.WebSocketConnection;
import jakarta.websocket.CloseReason;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Relays a client's websocket, accepted on this node as the upgrade of a session another node
 * holds, to that node: a websocket to the owner carries the same query, and frames are piped both
 * ways unchanged (the Engine.IO upgrade, its probe and heartbeat included, happen end to end). The
 * owner's frames are read one at a time, the next only once the previous reached the client; the
 * client's frames wait in a bounded queue while one is sent. When either side closes or fails, both
 * are closed.
 */
final class WebSocketRelay {
  private static final System.Logger LOG = System.getLogger(WebSocketRelay.class.getName());

  private final HttpClient http;
  private final ForwardOptions options;
  private final NodeTag self;
  private final AtomicInteger open = new AtomicInteger();

  WebSocketRelay(HttpClient http, ForwardOptions options, NodeTag self) {
    this.http = http;
    this.options = options;
    this.self = self;
  }

  int open() {
    return open.get();
  }

  Runnable relay(
      Optional<URI> owner,
      WebSocketConnection client,
      String path,
      Map<String, List<String>> query,
      Map<String, List<String>> headers) {
    Pipe pipe = new Pipe(client);
    if (owner.isEmpty()) {
      pipe.refuse(); // the owner left since the upgrade was accepted
      return () -> {};
    }
    open.incrementAndGet();
    client.receive(pipe);
    WebSocket.Builder builder =
        http.newWebSocketBuilder()
            .connectTimeout(options.connectTimeout())
            .header(SessionForwarder.FORWARDED_BY, self.value());
    first(headers, "origin").ifPresent(origin -> builder.header("Origin", origin));
    first(headers, "user-agent").ifPresent(agent -> builder.header("User-Agent", agent));
    first(headers, "cookie").ifPresent(cookie -> builder.header("Cookie", cookie));
    builder.buildAsync(target(owner.get(), path, query), pipe).whenComplete(pipe::ownerOpened);
    return pipe::clientClosed;
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  private static URI target(URI owner, String path, Map<String, List<String>> query) {
    StringJoiner raw = new StringJoiner("&");
    query.forEach(
        (name, values) -> {
          for (String value : values) {
            raw.add(
                URLEncoder.encode(name, StandardCharsets.UTF_8)
                    + "="
                    + URLEncoder.encode(value, StandardCharsets.UTF_8));
          }
        });
    String scheme = "https".equals(owner.getScheme()) ? "wss" : "ws";
    return URI.create(
        scheme + "://" + owner.getRawAuthority() + path + (raw.length() == 0 ? "" : "?" + raw));
  }

  /** One relayed connection: the client's websocket (either layer) and the owner's (JDK). */
  private final class Pipe implements WebSocket.Listener, WebSocketConnection.Receiver {
    private final WebSocketConnection client;
    private final Object lock = new Object();
    private final ArrayDeque<Object> toOwner = new ArrayDeque<>(); // String or ByteBuffer
    private final AtomicBoolean closed = new AtomicBoolean();
    private WebSocket owner; // guarded by lock; null until open
    private boolean sending; // guarded by lock
    private StringBuilder text = new StringBuilder();
    private ByteBuffer binary;

    Pipe(WebSocketConnection client) {
      this.client = client;
    }

    @Override
    public void onText(String message) {
      fromClient(message);
    }

    @Override
    public void onBinary(byte[] message) {
      fromClient(ByteBuffer.wrap(message));
    }

    @Override
    public void onClosed() {
      clientClosed();
    }

    @Override
    public void onError(Throwable error) {
      clientClosed();
    }

    void refuse() {
      closeClient(CloseReason.CloseCodes.CANNOT_ACCEPT, PollForwarder.UNKNOWN_SID);
    }

    void ownerOpened(WebSocket ws, Throwable failure) {
      if (failure != null) {
        LOG.log(Level.DEBUG, "relay to the owner failed to open", failure);
        end(CloseReason.CloseCodes.CANNOT_ACCEPT, PollForwarder.UNKNOWN_SID);
        return;
      }
      synchronized (lock) {
        owner = ws;
      }
      if (closed.get()) {
        ws.abort();
        return;
      }
      sendNext();
    }

    /** A frame of the client: queued, bounded, sent in order. */
    void fromClient(Object frame) {
      boolean overflow;
      synchronized (lock) {
        overflow = toOwner.size() >= options.relayQueue();
        if (!overflow) {
          toOwner.add(frame);
        }
      }
      if (overflow) {
        end(CloseReason.CloseCodes.TRY_AGAIN_LATER, "relay queue full");
      } else {
        sendNext();
      }
    }

    private void sendNext() {
      WebSocket target;
      Object frame;
      synchronized (lock) {
        if (owner == null || sending || toOwner.isEmpty()) {
          return;
        }
        target = owner;
        frame = toOwner.poll();
        sending = true;
      }
      CompletableFuture<WebSocket> sent =
          frame instanceof String s
              ? target.sendText(s, true)
              : target.sendBinary((ByteBuffer) frame, true);
      sent.whenComplete(
          (ws, failure) -> {
            synchronized (lock) {
              sending = false;
            }
            if (failure != null) {
              end(CloseReason.CloseCodes.GOING_AWAY, "owner unreachable");
            } else {
              sendNext();
            }
          });
    }

    @Override
    public void onOpen(WebSocket ws) {
      ws.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      text.append(data);
      if (!last) {
        ws.request(1);
        return null;
      }
      String whole = text.toString();
      text = new StringBuilder();
      client.sendText(whole, afterClientWrite(ws));
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
      ByteBuffer joined =
          binary == null
              ? copy(data)
              : ByteBuffer.allocate(binary.remaining() + data.remaining())
                  .put(binary)
                  .put(data)
                  .flip();
      if (!last) {
        binary = joined;
        ws.request(1);
        return null;
      }
      binary = null;
      client.sendBinary(joined, afterClientWrite(ws));
      return null;
    }

    private RawFrameWriter.Done afterClientWrite(WebSocket ws) {
      return failure -> {
        if (failure == null) {
          ws.request(1); // the owner's next frame only once this one reached the client
        } else {
          end(CloseReason.CloseCodes.GOING_AWAY, "client unreachable");
        }
      };
    }

    @Override
    public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
      end(CloseReason.CloseCodes.getCloseCode(statusCode), reason);
      return null;
    }

    @Override
    public void onError(WebSocket ws, Throwable error) {
      LOG.log(Level.DEBUG, "relay to the owner failed", error);
      end(CloseReason.CloseCodes.GOING_AWAY, "owner unreachable");
    }

    void clientClosed() {
      end(CloseReason.CloseCodes.NORMAL_CLOSURE, "");
    }

    /** Closes both sides, once. */
    private void end(CloseReason.CloseCode code, String reason) {
      if (!closed.compareAndSet(false, true)) {
        return;
      }
      open.decrementAndGet();
      WebSocket target;
      synchronized (lock) {
        target = owner;
        toOwner.clear();
      }
      if (target != null) {
        int status = code.getCode() == 1005 || code.getCode() == 1006 ? 1000 : code.getCode();
        target
            .sendClose(status, "")
            .orTimeout(
                options.connectTimeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
            .whenComplete((ws, failure) -> target.abort());
      }
      closeClient(code, reason);
    }

    private void closeClient(CloseReason.CloseCode code, String reason) {
      if (!client.isOpen()) {
        return;
      }
      int status = code.getCode();
      CloseReason.CloseCode sendable =
          status == 1005 || status == 1006 || status == 1015
              ? CloseReason.CloseCodes.GOING_AWAY
              : code;
      client.close(sendable.getCode(), reason == null ? "" : reason);
    }
  }

  private static ByteBuffer copy(ByteBuffer data) {
    ByteBuffer out = ByteBuffer.allocate(data.remaining());
    out.put(data).flip();
    return out;
  }
}
