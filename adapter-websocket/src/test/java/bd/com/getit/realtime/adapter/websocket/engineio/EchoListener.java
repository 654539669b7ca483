package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;

/** A listener for the engine's tests: echoes messages, records opens and every close reason. */
final class EchoListener implements EngineListener {
  final BlockingQueue<EngineSocket> opened = new LinkedBlockingQueue<>();
  final Map<String, List<String>> closed = new ConcurrentHashMap<>();

  /** How many times the session {@code sid} was reported closed (once, when all is well). */
  int closes(String sid) {
    List<String> reasons = closed.get(sid);
    return reasons == null ? 0 : reasons.size();
  }

  @Override
  public void onOpen(EngineSocket socket) {
    opened.add(socket);
  }

  @Override
  public void onMessage(EngineSocket socket, String text) {
    socket.send(text);
  }

  @Override
  public void onBinary(EngineSocket socket, byte[] data) {
    socket.send(data);
  }

  @Override
  public void onClose(EngineSocket socket, String reason) {
    closed.computeIfAbsent(socket.id(), id -> new CopyOnWriteArrayList<>()).add(reason);
  }
}
