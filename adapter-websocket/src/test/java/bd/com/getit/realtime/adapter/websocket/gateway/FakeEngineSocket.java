package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** An Engine.IO session whose queue size the test sets, recording closes. */
final class FakeEngineSocket implements EngineSocket {
  volatile long queuedBytes;
  volatile boolean open = true;
  final AtomicInteger closes = new AtomicInteger();
  private volatile Object attachment;

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
  public boolean send(String text) {
    return open;
  }

  @Override
  public boolean send(byte[] binary) {
    return open;
  }

  @Override
  public boolean sendAll(List<Object> packets) {
    return open;
  }

  @Override
  public long queuedBytes() {
    return queuedBytes;
  }

  @Override
  public void close() {
    closes.incrementAndGet();
    open = false;
  }

  @Override
  public boolean isOpen() {
    return open;
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
