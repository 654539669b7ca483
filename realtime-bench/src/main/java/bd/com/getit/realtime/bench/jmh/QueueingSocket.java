package bd.com.getit.realtime.bench.jmh;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import bd.com.getit.realtime.adapter.websocket.socketio.SioSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Map;

/**
 * A connected socket whose transport is a bounded queue, as the Engine.IO session's (a lock, a byte
 * bound, a deque), drained when it holds 64 packets as a writer would: what {@code
 * SocketIoDelivery} does per socket, without the network.
 */
final class QueueingSocket implements SioSocket, EngineSocket {

  private static final long BOUND = 1 << 20;

  private final String id;
  private final ArrayDeque<String> queue = new ArrayDeque<>();
  private long queuedBytes;

  QueueingSocket(String id) {
    this.id = id;
  }

  @Override
  public boolean sendEncoded(String packet) {
    return send(packet);
  }

  @Override
  public boolean send(String text) {
    synchronized (queue) {
      if (queuedBytes + text.length() > BOUND) {
        return false;
      }
      queue.add(text);
      queuedBytes += text.length();
      if (queue.size() >= 64) {
        queue.clear();
        queuedBytes = 0;
      }
      return true;
    }
  }

  @Override
  public long queuedBytes() {
    synchronized (queue) {
      return queuedBytes;
    }
  }

  @Override
  public boolean isOpen() {
    return true;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String namespace() {
    return "/realtime";
  }

  @Override
  public EngineSocket engine() {
    return this;
  }

  @Override
  public boolean emit(String event, List<JsonNode> args) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void disconnect() {}

  @Override
  public void attach(Object attachment) {}

  @Override
  public <T> T attachment(Class<T> type) {
    return null;
  }

  @Override
  public String transport() {
    return "websocket";
  }

  @Override
  public String remoteAddress() {
    return "127.0.0.1";
  }

  @Override
  public Map<String, List<String>> query() {
    return Map.of();
  }

  @Override
  public Map<String, List<String>> headers() {
    return Map.of();
  }

  @Override
  public boolean send(byte[] binary) {
    throw new UnsupportedOperationException();
  }

  @Override
  public boolean sendAll(List<Object> packets) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void close() {}
}
