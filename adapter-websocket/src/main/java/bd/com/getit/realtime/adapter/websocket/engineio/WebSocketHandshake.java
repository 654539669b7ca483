package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.List;
import java.util.Map;

/**
 * What an accepted websocket upgrade request said, captured per connection in the handshake, and
 * the session's {@link EngineSession#claimUpgrade upgrade claim} when it names a sid (null if
 * none).
 */
record WebSocketHandshake(
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String remoteAddress,
    Object upgradeClaim) {

  static final String KEY = WebSocketHandshake.class.getName();

  String sid() {
    return QueryString.first(query, "sid");
  }
}
