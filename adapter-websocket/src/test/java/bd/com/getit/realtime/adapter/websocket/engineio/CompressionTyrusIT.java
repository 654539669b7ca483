package bd.com.getit.realtime.adapter.websocket.engineio;

/** Every test of {@link CompressionIT} with Tyrus carrying the websockets (the fallback layer). */
class CompressionTyrusIT extends CompressionIT {

  @Override
  WebSocketLayer layer() {
    return WebSocketLayer.TYRUS;
  }
}
