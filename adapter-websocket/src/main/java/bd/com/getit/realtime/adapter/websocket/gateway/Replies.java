package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The reply shapes of PROTOCOL section 4: acks {@code {ok:true,..}} and {@code {ok:false,
 * error:{code, message, message_bn}}}, the {@code error} event, and CONNECT_ERROR payloads. Every
 * failure carries its English and Bangla message, and {@code retry_after_ms} when rate limited.
 */
final class Replies {

  private static final int MAX_ECHOED_EVENT = 64;

  /**
   * 10000-01-01T00:00:00Z: from there on {@link Instant#toString()} writes a sign and more digits.
   */
  private static final long YEAR_10000 = 253_402_300_800L;

  /** The date and time of the last second an ack was stamped in, shared by all threads. */
  private static volatile Second lastSecond = new Second(0, "1970-01-01T00:00:00");

  private Replies() {}

  static ObjectNode ok() {
    return JsonTrees.NODES.objectNode().put("ok", true);
  }

  /**
   * {@code time.toString()} (ISO-8601, as the event's payload has it) without formatting the date
   * each time: the date and time of day are made once per second, the fraction per call.
   */
  static String timestamp(Instant time) {
    long second = time.getEpochSecond();
    if (second < 0 || second >= YEAR_10000) {
      return time.toString();
    }
    Second cached = lastSecond;
    if (cached.epochSecond() != second) {
      cached =
          new Second(second, LocalDateTime.ofEpochSecond(second, 0, ZoneOffset.UTC).toString());
      lastSecond = cached;
    }
    StringBuilder out = new StringBuilder(32).append(cached.text());
    if (cached.text().length() == 16) {
      out.append(":00"); // LocalDateTime leaves out zero seconds; Instant does not
    }
    int nano = time.getNano();
    if (nano > 0) {
      // As ISO_INSTANT: 3, 6 or 9 digits, as few as the value needs.
      if (nano % 1_000_000 == 0) {
        digits(out, nano / 1_000_000, 100);
      } else if (nano % 1000 == 0) {
        digits(out, nano / 1000, 100_000);
      } else {
        digits(out, nano, 100_000_000);
      }
    }
    return out.append('Z').toString();
  }

  /** A '.' and {@code value}'s digits from the one at {@code top} down, with leading zeros. */
  private static void digits(StringBuilder out, int value, int top) {
    out.append('.');
    for (int scale = top; scale > 0; scale /= 10) {
      out.append((char) ('0' + value / scale % 10));
    }
  }

  /** One second since the epoch and its date and time of day. */
  private record Second(long epochSecond, String text) {}

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
