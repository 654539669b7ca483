package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import bd.com.getit.realtime.adapter.websocket.socketio.SioSocket;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A Socket.IO socket that records what is sent to it, keeping the identity of encoded frames. */
final class FakeSioSocket implements SioSocket {

  /** One emitted event. */
  record Emitted(String event, List<JsonNode> args) {}

  final FakeEngineSocket engine = new FakeEngineSocket();
  final List<String> encoded = new CopyOnWriteArrayList<>();
  final List<Emitted> emitted = new CopyOnWriteArrayList<>();
  final AtomicInteger disconnects = new AtomicInteger();
  volatile boolean acceptEncoded = true;
  volatile RuntimeException failOnSend;
  private final String id;
  private volatile Object attachment;

  FakeSioSocket(String id) {
    this.id = id;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public String namespace() {
    return RealtimeNamespace.NAME;
  }

  @Override
  public EngineSocket engine() {
    return engine;
  }

  @Override
  public boolean emit(String event, List<JsonNode> args) {
    emitted.add(new Emitted(event, List.copyOf(args)));
    return true;
  }

  @Override
  public boolean sendEncoded(String packet) {
    if (failOnSend != null) {
      throw failOnSend;
    }
    if (!acceptEncoded) {
      return false;
    }
    encoded.add(packet);
    return true;
  }

  @Override
  public void disconnect() {
    disconnects.incrementAndGet();
  }

  @Override
  public void attach(Object attachment) {
    this.attachment = attachment;
  }

  @Override
  public <T> T attachment(Class<T> type) {
    return type.isInstance(attachment) ? type.cast(attachment) : null;
  }
}
