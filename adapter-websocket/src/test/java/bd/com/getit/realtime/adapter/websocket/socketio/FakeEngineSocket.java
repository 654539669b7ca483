package bd.com.getit.realtime.adapter.websocket.socketio;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineListener;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An Engine.IO session without a network: records what the layer above sends, feeds it client
 * messages and reports its close to the listener once, as the real engine does.
 */
final class FakeEngineSocket implements EngineSocket {

  private final EngineListener listener;
  private final List<Object> sent = new CopyOnWriteArrayList<>();
  private final AtomicBoolean open = new AtomicBoolean(true);
  private volatile boolean refuseSends;
  private volatile Object attachment;

  FakeEngineSocket(EngineListener listener) {
    this.listener = listener;
  }

  /** Opens the session towards the listener, as the engine does after its handshake. */
  FakeEngineSocket open() {
    listener.onOpen(this);
    return this;
  }

  /** The client sends a text message. */
  FakeEngineSocket receive(String text) {
    listener.onMessage(this, text);
    return this;
  }

  /** The client sends a binary message. */
  FakeEngineSocket receive(byte[] data) {
    listener.onBinary(this, data);
    return this;
  }

  /** The session ends on the engine's side (transport close, ping timeout...). */
  void drop(String reason) {
    if (open.compareAndSet(true, false)) {
      listener.onClose(this, reason);
    }
  }

  /** Makes every later send fail, as a full send queue does. */
  void refuseSends() {
    refuseSends = true;
  }

  /** Everything sent, in order: strings and byte arrays. */
  List<Object> sent() {
    return List.copyOf(sent);
  }

  /** The text messages sent, in order. */
  List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (Object message : sent) {
      if (message instanceof String) {
        texts.add((String) message);
      }
    }
    return texts;
  }

  void clearSent() {
    sent.clear();
  }

  @Override
  public String id() {
    return "engine-1";
  }

  @Override
  public String transport() {
    return "websocket";
  }

  @Override
  public String remoteAddress() {
    return "203.0.113.7";
  }

  @Override
  public Map<String, List<String>> query() {
    return Map.of("EIO", List.of("4"), "transport", List.of("websocket"));
  }

  @Override
  public Map<String, List<String>> headers() {
    return Map.of("user-agent", List.of("test"));
  }

  @Override
  public boolean send(String text) {
    if (refuseSends || !open.get()) {
      return false;
    }
    sent.add(text);
    return true;
  }

  @Override
  public boolean send(byte[] binary) {
    if (refuseSends || !open.get()) {
      return false;
    }
    sent.add(binary);
    return true;
  }

  @Override
  public synchronized boolean sendAll(List<Object> packets) {
    if (refuseSends || !open.get()) {
      return false;
    }
    sent.addAll(packets);
    return true;
  }

  @Override
  public long queuedBytes() {
    return 0;
  }

  @Override
  public void close() {
    drop("forced close");
  }

  @Override
  public boolean isOpen() {
    return open.get();
  }

  @Override
  public void attach(Object attachment) {
    this.attachment = attachment;
  }

  @Override
  public <T> T attachment(Class<T> type) {
    Object value = attachment;
    return type.isInstance(value) ? type.cast(value) : null;
  }
}
