package bd.com.getit.realtime.adapter.websocket.engineio;

/** A listener for tests where nothing the engine reports matters. */
final class IgnoringListener implements EngineListener {
  @Override
  public void onOpen(EngineSocket socket) {}

  @Override
  public void onMessage(EngineSocket socket, String text) {}

  @Override
  public void onBinary(EngineSocket socket, byte[] data) {}

  @Override
  public void onClose(EngineSocket socket, String reason) {}
}
