package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.List;
import java.util.Map;

/** What an accepted websocket upgrade request said, captured per connection in the handshake. */
record WebSocketHandshake(
    Map<String, List<String>> query, Map<String, List<String>> headers, String remoteAddress) {

  static final String KEY = WebSocketHandshake.class.getName();

  String sid() {
    return QueryString.first(query, "sid");
  }
}
