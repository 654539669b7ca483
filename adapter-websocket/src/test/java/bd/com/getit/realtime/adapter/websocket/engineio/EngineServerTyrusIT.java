package bd.com.getit.realtime.adapter.websocket.engineio;

/** Every test of {@link EngineServerIT} with Tyrus carrying the websockets (the fallback layer). */
class EngineServerTyrusIT extends EngineServerIT {

  @Override
  WebSocketLayer layer() {
    return WebSocketLayer.TYRUS;
  }
}
