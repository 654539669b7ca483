package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.CloseReason;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The websocket transport over a Tyrus session: one packet per frame, written with asynchronous
 * sends, one outstanding at a time, in queue order. Control packets of the handshake and the
 * upgrade probe go first, before the session's queue.
 */
final class WebSocketTransport implements Transport {

  private static final System.Logger LOG = System.getLogger(WebSocketTransport.class.getName());

  private final Session ws;
  private final EngineSession session;
  private final Object lock;
  private final ArrayDeque<EnginePacket> direct = new ArrayDeque<>(2);
  private boolean writing;
  private boolean closed;
  private boolean closeRequested;
  private boolean closePacketSent;

  WebSocketTransport(Session ws, EngineSession session) {
    this.ws = Objects.requireNonNull(ws, "ws");
    this.session = Objects.requireNonNull(session, "session");
    this.lock = session.lock;
  }

  EngineSession session() {
    return session;
  }

  @Override
  public String name() {
    return EngineOptions.WEBSOCKET;
  }

  /** Sends a packet ahead of the session queue (open, probe pong). */
  void sendDirect(EnginePacket packet) {
    synchronized (lock) {
      if (closed) {
        return;
      }
      direct.add(packet);
    }
    flush();
  }

  void onText(String frame) {
    EnginePacket packet;
    try {
      packet = EngineCodec.decodeFrame(frame, session.options().maxPayload());
    } catch (EngineParseException e) {
      session.onTransportError(this, "parse error");
      return;
    }
    session.onPacket(this, packet);
  }

  void onBinary(byte[] frame) {
    EnginePacket packet;
    try {
      packet = EngineCodec.decodeBinaryFrame(frame, session.options().maxPayload());
    } catch (EngineParseException e) {
      session.onTransportError(this, "parse error");
      return;
    }
    session.onPacket(this, packet);
  }

  /** The websocket closed under us. */
  void onClosed() {
    synchronized (lock) {
      closed = true;
    }
    session.onTransportError(this, "transport close");
  }

  void onError(Throwable error) {
    LOG.log(Level.DEBUG, "websocket error", error);
    session.onTransportError(this, "transport error");
  }

  @Override
  public void flush() {
    while (true) {
      EnginePacket packet;
      boolean finish = false;
      Send send = new Send();
      synchronized (lock) {
        if (writing || closed) {
          return;
        }
        packet = direct.poll();
        boolean active = session.isActiveLocked(this);
        if (packet == null && active) {
          packet = session.pollOneLocked();
        }
        if (packet == null && active && closeRequested) {
          if (!closePacketSent) {
            closePacketSent = true;
            packet = EnginePacket.CLOSE;
          } else {
            closed = true;
            finish = true;
          }
        }
        if (packet == null && !finish) {
          return;
        }
        writing = !finish;
      }
      if (finish) {
        // report the orderly reason first: closing the socket reports "transport close" else
        session.terminate(session.closingReason(), false);
        closeSocket();
        return;
      }
      write(packet, send);
      synchronized (lock) {
        send.returned = true;
        if (!send.completed) {
          return; // the completion continues the drain
        }
        writing = false;
      }
    }
  }

  private void write(EnginePacket packet, Send send) {
    try {
      if (packet.isBinary()) {
        ws.getAsyncRemote().sendBinary(ByteBuffer.wrap(packet.binary()), send);
      } else {
        ws.getAsyncRemote().sendText(EngineCodec.encodeFrame(packet), send);
      }
    } catch (RuntimeException e) {
      send.onResult(new SendResult(e));
    }
  }

  @Override
  public void beginClose() {
    synchronized (lock) {
      closeRequested = true;
    }
    flush();
  }

  @Override
  public void abort(boolean clientInitiated) {
    synchronized (lock) {
      closed = true;
      direct.clear();
    }
    closeSocket();
  }

  private void closeSocket() {
    if (!ws.isOpen()) {
      return;
    }
    try {
      ws.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, ""));
    } catch (IOException | RuntimeException e) {
      LOG.log(Level.DEBUG, "websocket close failed", e);
    }
  }

  /** Completion of one asynchronous send; continues the drain unless the sender still runs. */
  private final class Send implements SendHandler {
    boolean returned; // guarded by lock
    boolean completed; // guarded by lock

    @Override
    public void onResult(SendResult result) {
      if (!result.isOK()) {
        synchronized (lock) {
          completed = true;
          writing = false;
          closed = true;
        }
        session.onTransportError(WebSocketTransport.this, "transport error");
        return;
      }
      synchronized (lock) {
        completed = true;
        if (!returned) {
          return; // completed inline: the flush loop goes on
        }
        writing = false;
      }
      flush();
    }
  }
}
