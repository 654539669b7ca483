package bd.com.getit.realtime.adapter.websocket.socketio;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a client presents when it connects to a namespace.
 *
 * @param auth the CONNECT packet's payload (empty object when absent)
 * @param recoveryPid the {@code pid} of a previous session found in the auth, if any
 * @param recoveryOffset the last offset the client received, if any
 */
public record Handshake(
    String engineId,
    String namespace,
    ObjectNode auth,
    Map<String, List<String>> query,
    Map<String, List<String>> headers,
    String remoteAddress,
    String transport,
    Optional<String> recoveryPid,
    Optional<String> recoveryOffset) {}
