package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.ReadHandler;
import org.glassfish.grizzly.http.io.NIOInputStream;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * HTTP long-polling: a GET is suspended until the session has packets, a ping or a close for it; a
 * POST carries a payload of packets, read without blocking and bounded by {@code maxPayload}.
 */
final class PollingTransport implements Transport {

  private static final System.Logger LOG = System.getLogger(PollingTransport.class.getName());
  private static final int CHUNK = 8192;

  private final EngineSession session;
  private final Runnable closedWithoutPoll;
  private final WireStats stats;
  private Response pendingGet; // guarded by session.lock
  private boolean posting; // guarded by session.lock

  /**
   * @param closedWithoutPoll told when the client closed the session while no poll was waiting
   */
  PollingTransport(EngineSession session, Runnable closedWithoutPoll) {
    this(session, closedWithoutPoll, new WireStats());
  }

  /**
   * @param closedWithoutPoll told when the client closed the session while no poll was waiting
   * @param stats where the bytes of the responses are counted
   */
  PollingTransport(EngineSession session, Runnable closedWithoutPoll, WireStats stats) {
    this.session = Objects.requireNonNull(session, "session");
    this.closedWithoutPoll = Objects.requireNonNull(closedWithoutPoll, "closedWithoutPoll");
    this.stats = Objects.requireNonNull(stats, "stats");
  }

  @Override
  public String name() {
    return EngineOptions.POLLING;
  }

  /** The handshake GET: answered at once with the open packet. */
  void answerHandshake(Response response, String openPacketJson) {
    List<EnginePacket> open = new ArrayList<>(1);
    open.add(EnginePacket.text(PacketType.OPEN, openPacketJson));
    respond(response, open);
  }

  /**
   * A poll: held until there is something to send. A second concurrent poll ends the session.
   *
   * @return false, without answering, when the session has ended meanwhile
   */
  boolean onGet(Response response) {
    boolean closed;
    boolean overlap;
    boolean replaced;
    synchronized (session.lock) {
      closed = session.isClosedLocked();
      overlap = pendingGet != null;
      // The session upgraded between the handler's look-up and here: this transport was discarded
      // already, and a poll held on it would never be answered.
      replaced = !session.isActiveLocked(this);
      if (!closed && !overlap && !replaced) {
        response.suspend(-1, TimeUnit.MILLISECONDS, new PollGone(response));
        pendingGet = response;
      }
    }
    if (closed) {
      return false;
    }
    if (replaced) {
      HttpReplies.error(response, EngineError.BAD_REQUEST);
      return true;
    }
    if (overlap) {
      HttpReplies.status(response, 400);
      session.terminate("transport error", false);
    } else {
      flush();
    }
    return true;
  }

  /** Whether a poll is waiting for data now. */
  boolean hasPendingPoll() {
    synchronized (session.lock) {
      return pendingGet != null;
    }
  }

  /** A POST with a payload. */
  void onPost(Request request, Response response) {
    String contentType = request.getContentType();
    if (contentType != null && contentType.startsWith("application/octet-stream")) {
      // protocol 4 sends binary as base64 text: the reference server refuses this content
      HttpReplies.status(response, 400);
      session.terminate("transport error", false);
      return;
    }
    boolean closed;
    boolean overlap;
    synchronized (session.lock) {
      closed = session.isClosedLocked();
      overlap = posting;
      posting = true;
    }
    if (closed) {
      endPost();
      HttpReplies.error(response, EngineError.UNKNOWN_SID);
      return;
    }
    if (overlap) {
      HttpReplies.status(response, 400);
      session.terminate("transport error", false);
      return;
    }
    long declared = request.getContentLengthLong();
    if (declared > session.options().maxPayload()) {
      tooLarge(response);
      return;
    }
    response.suspend();
    NIOInputStream in = request.getNIOInputStream();
    in.notifyAvailable(new BodyReader(in, response, declared));
  }

  private void tooLarge(Response response) {
    endPost();
    HttpReplies.status(response, 413);
    session.terminate("transport error", false);
  }

  private void endPost() {
    synchronized (session.lock) {
      posting = false;
    }
  }

  private void onBody(byte[] body, Response response) {
    endPost();
    try {
      EngineCodec.decodePayload(
          body, session.options().maxPayload(), packet -> session.onPacket(this, packet));
    } catch (EngineParseException e) {
      HttpReplies.error(response, EngineError.BAD_REQUEST);
      session.terminate("parse error", false);
      return;
    } catch (RuntimeException e) {
      // A failure above us must still answer the POST: a suspended response is never sent else.
      LOG.log(Level.WARNING, "handling a polling POST failed", e);
      HttpReplies.status(response, 500);
      session.terminate("server error", false);
      return;
    }
    // text/html as the reference server, so that old user agents do not offer a download
    HttpReplies.text(response, 200, "text/html", "ok");
  }

  @Override
  public void flush() {
    List<EnginePacket> packets;
    Response target;
    boolean finishClose;
    synchronized (session.lock) {
      if (pendingGet == null || session.isClosedLocked()) {
        return;
      }
      finishClose = session.isClosingLocked();
      if (!session.hasQueuedLocked() && !finishClose) {
        return;
      }
      packets = session.pollAllLocked();
      if (finishClose) {
        packets.add(EnginePacket.CLOSE);
      }
      target = pendingGet;
      pendingGet = null;
    }
    respond(target, packets);
    if (finishClose) {
      session.terminate(session.closingReason(), false);
    }
  }

  /** Ends a waiting poll with a noop, so that the client can pause polling and upgrade. */
  void releaseForUpgrade() {
    Response target;
    List<EnginePacket> packets;
    synchronized (session.lock) {
      if (pendingGet == null || session.isClosedLocked()) {
        return;
      }
      packets = session.pollAllLocked();
      if (packets.isEmpty()) {
        packets.add(EnginePacket.NOOP);
      }
      target = pendingGet;
      pendingGet = null;
    }
    respond(target, packets);
  }

  /**
   * The session moved to websocket: a poll still waiting is refused, as any poll after the upgrade.
   */
  void discard() {
    Response target;
    synchronized (session.lock) {
      target = pendingGet;
      pendingGet = null;
    }
    if (target != null) {
      HttpReplies.error(target, EngineError.BAD_REQUEST);
    }
  }

  @Override
  public void beginClose() {
    flush();
  }

  /**
   * Remembers a client's close that found no poll waiting while the session lock is still held: a
   * poll that sees the session closed then always finds the grace entry (deciding it in {@link
   * #abort}, after the lock was let go, left a moment where such a poll got 400).
   */
  @Override
  public void closedLocked(boolean clientInitiated) {
    if (clientInitiated && pendingGet == null) {
      closedWithoutPoll.run();
    }
  }

  @Override
  public void abort(boolean clientInitiated) {
    Response target;
    synchronized (session.lock) {
      target = pendingGet;
      pendingGet = null;
    }
    if (target != null) {
      List<EnginePacket> last = new ArrayList<>(1);
      last.add(clientInitiated ? EnginePacket.NOOP : EnginePacket.CLOSE);
      respond(target, last);
    }
  }

  /** Answers the poll that raced with the client's own close, as if it had been waiting. */
  static void answerLatePoll(Response response) {
    List<EnginePacket> noop = new ArrayList<>(1);
    noop.add(EnginePacket.NOOP);
    writePayload(response, noop);
  }

  private static void writePayload(Response response, List<EnginePacket> packets) {
    response.setHeader("Cache-Control", "no-store");
    HttpReplies.bytes(
        response,
        200,
        HttpReplies.TEXT_UTF8,
        EngineCodec.encodePayload(packets).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Answers a poll with {@code packets}, compressed (gzip or deflate) when the session's
   * compression applies to the body's size and the request accepts a coding.
   */
  private void respond(Response response, List<EnginePacket> packets) {
    byte[] body = EngineCodec.encodePayload(packets).getBytes(StandardCharsets.UTF_8);
    Compression compression = session.options().compression();
    byte[] sent = body;
    if (compression.enabled()) {
      response.setHeader("Vary", "Accept-Encoding");
      HttpCompression coding =
          compression.applies(body.length)
              ? HttpCompression.choose(acceptEncoding(response))
              : null;
      if (coding != null) {
        byte[] encoded = coding.encode(body);
        if (encoded.length < body.length) {
          response.setHeader("Content-Encoding", coding.token());
          sent = encoded;
        }
      }
    }
    stats.recordWrite(
        name(),
        session.linkClass(),
        packets.size(),
        sent != body ? 1 : 0,
        body.length,
        sent.length);
    response.setHeader("Cache-Control", "no-store");
    HttpReplies.bytes(response, 200, HttpReplies.TEXT_UTF8, sent);
  }

  private static String acceptEncoding(Response response) {
    try {
      return response.getRequest().getHeader("Accept-Encoding");
    } catch (RuntimeException e) {
      return null; // the request is gone: answer uncompressed
    }
  }

  /** Notices a poll whose client went away before it was answered. */
  private final class PollGone implements CompletionHandler<Response> {
    private final Response response;

    PollGone(Response response) {
      this.response = response;
    }

    @Override
    public void cancelled() {
      boolean wasPending;
      synchronized (session.lock) {
        wasPending = pendingGet == response;
        if (wasPending) {
          pendingGet = null;
        }
      }
      if (wasPending) {
        session.onTransportError(PollingTransport.this, "transport error");
      }
    }

    @Override
    public void failed(Throwable throwable) {
      cancelled();
    }

    @Override
    public void completed(Response result) {}

    @Override
    public void updated(Response result) {}
  }

  /** Reads a POST body as it arrives, never more than {@code maxPayload} bytes. */
  private final class BodyReader implements ReadHandler {
    private final NIOInputStream in;
    private final Response response;
    private final ByteArrayOutputStream body;
    private final byte[] chunk = new byte[CHUNK];
    private boolean done;

    BodyReader(NIOInputStream in, Response response, long declared) {
      this.in = in;
      this.response = response;
      this.body = new ByteArrayOutputStream(declared > 0 ? (int) declared : 256);
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
        done = true;
        onBody(body.toByteArray(), response);
      }
    }

    @Override
    public void onError(Throwable t) {
      if (done) {
        return;
      }
      done = true;
      LOG.log(Level.DEBUG, "POST body failed", t);
      endPost();
      HttpReplies.status(response, 400);
      session.onTransportError(PollingTransport.this, "transport error");
    }

    /** Reads what is ready; false when the body went over the limit (and was answered 413). */
    private boolean readAvailable() throws IOException {
      if (done) {
        return false;
      }
      int max = session.options().maxPayload();
      while (in.isReady()) {
        int read = in.read(chunk, 0, Math.min(chunk.length, Math.max(1, in.readyData())));
        if (read < 0) {
          break;
        }
        body.write(chunk, 0, read);
        if (body.size() > max) {
          done = true;
          tooLarge(response);
          return false;
        }
      }
      return true;
    }
  }
}
