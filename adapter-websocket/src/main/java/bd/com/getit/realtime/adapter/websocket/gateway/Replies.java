package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoCodec;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.IsoInstants;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The reply shapes of PROTOCOL section 4: acks {@code {ok:true,..}} and {@code {ok:false,
 * error:{code, message, message_bn}}}, the {@code error} event, and CONNECT_ERROR payloads. Every
 * failure carries its English and Bangla message, and {@code retry_after_ms} when rate limited.
 */
final class Replies {

  private static final int MAX_ECHOED_EVENT = 64;

  private Replies() {}

  /** {@code {"ok":true}}, as {@link #ok()} writes it. */
  static final String OK_JSON = "{\"ok\":true}";

  /**
   * Appends the ack of a sent message, {@code {"ok":true,"id":..,"timestamp":..}}: the same text as
   * the tree {@code ok().put("id", ..).put("timestamp", ..)} written out.
   */
  static void writeSent(StringBuilder out, ChatMessage message) {
    out.append("{\"ok\":true,\"id\":");
    SocketIoCodec.appendQuoted(out, message.id().value());
    out.append(",\"timestamp\":");
    SocketIoCodec.appendQuoted(out, IsoInstants.format(message.timestamp()));
    out.append('}');
  }

  static ObjectNode ok() {
    return JsonTrees.NODES.objectNode().put("ok", true);
  }

  static ObjectNode failure(RealtimeException error) {
    ObjectNode reply = JsonTrees.NODES.objectNode().put("ok", false);
    describe(reply.putObject("error"), error);
    return reply;
  }

  static ObjectNode errorEvent(String event, RealtimeException error) {
    ObjectNode payload = JsonTrees.NODES.objectNode();
    String echoed = event == null ? "" : event;
    payload.put(
        "event",
        echoed.length() > MAX_ECHOED_EVENT ? echoed.substring(0, MAX_ECHOED_EVENT) : echoed);
    describe(payload, error);
    return payload;
  }

  /**
   * {@code {"message":"unauthorized","data":{"code":"AUTH_..."}}} for authentication failures, the
   * code's English message otherwise.
   */
  static ObjectNode connectError(RealtimeException error) {
    ErrorCode code = error.code();
    ObjectNode payload = JsonTrees.NODES.objectNode();
    payload.put("message", isAuth(code) ? "unauthorized" : code.message(Language.EN));
    ObjectNode data = payload.putObject("data").put("code", code.name());
    // RATE_LIMITED, and CONNECTION_LIMIT from the per-address limit: the client does not retry a
    // refused CONNECT by itself, and an application without this hint retries blindly (a storm
    // behind one carrier-NAT address came back with 31,027 refusals without it).
    if (error.retryAfterMs() > 0) {
      data.put("retry_after_ms", error.retryAfterMs());
    }
    return payload;
  }

  /** The English text for people: the failure's own detail, never an internal one. */
  static String message(RealtimeException error) {
    if (error.code() == ErrorCode.INTERNAL || error.getMessage() == null) {
      return error.code().message(Language.EN);
    }
    return error.getMessage();
  }

  private static void describe(ObjectNode target, RealtimeException error) {
    target.put("code", error.code().name());
    target.put("message", message(error));
    target.put("message_bn", error.code().message(Language.BN));
    if (error.code() == ErrorCode.RATE_LIMITED) {
      target.put("retry_after_ms", Math.max(0, error.retryAfterMs()));
    }
  }

  private static boolean isAuth(ErrorCode code) {
    return code == ErrorCode.AUTH_REQUIRED
        || code == ErrorCode.AUTH_INVALID
        || code == ErrorCode.AUTH_EXPIRED;
  }
}
