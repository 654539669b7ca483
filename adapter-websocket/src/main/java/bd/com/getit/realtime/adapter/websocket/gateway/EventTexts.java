package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoCodec;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.json.JsonLimits;
import bd.com.getit.realtime.port.in.MessagingUseCase.BroadcastCommand;
import bd.com.getit.realtime.port.in.MessagingUseCase.SendMessageCommand;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the two hot client events, {@code send_message} and {@code broadcast_event}, straight from
 * their packet's text into their command: one pass of Jackson's streaming parser, no tree. It reads
 * only the plain shape, {@code ["send_message",{..}]} with known members of the right types, each
 * once, and answers null for anything else (another event, more arguments, an unknown or repeated
 * member, a member of another type, a decimal number, anything beyond the {@link JsonLimits},
 * malformed text): that packet then takes the ordinary decoding ({@code SocketIoCodec} and {@link
 * ClientEvents}), which gives it its ordinary result or error. So whatever this reads is exactly
 * what the ordinary path would have made of it (see {@code EventTextsTest}). Thread-safe.
 */
final class EventTexts {

  /** A command read from an event's text. */
  sealed interface Command {
    /** The event name, as the client sent it. */
    String event();
  }

  /** A {@code send_message}. */
  record SendMessage(SendMessageCommand command) implements Command {
    @Override
    public String event() {
      return "send_message";
    }
  }

  /** A {@code broadcast_event}. */
  record Broadcast(BroadcastCommand command) implements Command {
    @Override
    public String event() {
      return "broadcast_event";
    }
  }

  private static final JsonLimits LIMITS = JsonLimits.DEFAULT;

  /**
   * Packets up to this many chars are copied into the thread's buffer; longer ones get their own.
   */
  private static final int MAX_KEPT_CHARS = 16 * 1024;

  private static final ThreadLocal<char[]> CHARS = ThreadLocal.withInitial(() -> new char[1024]);

  // the members of each event, one bit each, to refuse a member given twice
  private static final int CHANNEL = 1;
  private static final int MESSAGE = 2;
  private static final int TYPE = 4;
  private static final int METADATA = 8;
  private static final int CLIENT_MSG_ID = 16;
  private static final int EVENT_TYPE = 32;
  private static final int DATA = 64;

  private EventTexts() {}

  /**
   * The command of the event whose JSON data starts at {@code dataStart} of {@code text}, made for
   * {@code caller}; null when this class does not read it (the ordinary path then does).
   */
  static Command read(String text, int dataStart, Caller caller) {
    int length = text.length() - dataStart;
    if (length <= 0) {
      return null;
    }
    char[] chars = CHARS.get();
    if (chars.length < length) {
      chars = new char[Math.max(length, chars.length * 2)];
      if (chars.length <= MAX_KEPT_CHARS) {
        CHARS.set(chars);
      }
    }
    text.getChars(dataStart, text.length(), chars, 0);
    try (JsonParser parser = SocketIoCodec.jsonFactory().createParser(chars, 0, length)) {
      return read(parser, caller);
    } catch (Exception e) {
      // malformed, or past Jackson's own constraints: the ordinary path says which
      return null;
    }
  }

  private static Command read(JsonParser p, Caller caller) throws IOException {
    if (p.nextToken() != JsonToken.START_ARRAY || p.nextToken() != JsonToken.VALUE_STRING) {
      return null;
    }
    String event = p.getText();
    if (p.nextToken() != JsonToken.START_OBJECT) {
      return null;
    }
    Command command;
    if ("send_message".equals(event)) {
      command = sendMessage(p, caller);
    } else if ("broadcast_event".equals(event)) {
      command = broadcast(p, caller);
    } else {
      return null;
    }
    // one argument, then the end of the text
    if (command == null || p.nextToken() != JsonToken.END_ARRAY || p.nextToken() != null) {
      return null;
    }
    return command;
  }

  private static Command sendMessage(JsonParser p, Caller caller) throws IOException {
    int seen = 0;
    String channel = null;
    String message = null;
    String type = null;
    JsonValue.JsonObject metadata = JsonValue.JsonObject.EMPTY;
    String clientMsgId = null;
    String name;
    while ((name = p.nextFieldName()) != null) {
      int member = sendMember(name);
      if (member == 0 || (seen & member) != 0) {
        return null;
      }
      seen |= member;
      JsonToken token = p.nextToken();
      switch (member) {
        case CHANNEL -> channel = requiredString(p, token);
        case MESSAGE -> message = requiredString(p, token);
        case TYPE -> type = optionalString(p, token);
        case CLIENT_MSG_ID -> clientMsgId = optionalString(p, token);
        default -> metadata = optionalObject(p, token);
      }
      boolean refused =
          switch (member) {
            case CHANNEL -> channel == null;
            case MESSAGE -> message == null;
            case TYPE -> type == null && token != JsonToken.VALUE_NULL;
            case CLIENT_MSG_ID -> clientMsgId == null && token != JsonToken.VALUE_NULL;
            default -> metadata == null;
          };
      if (refused) {
        return null;
      }
    }
    if (channel == null || message == null) {
      return null;
    }
    return new SendMessage(
        new SendMessageCommand(
            caller,
            channel,
            message,
            // Clients commonly omit the type of a plain text message.
            type == null ? "text" : type,
            metadata,
            Optional.ofNullable(clientMsgId)));
  }

  private static Command broadcast(JsonParser p, Caller caller) throws IOException {
    int seen = 0;
    String channel = null;
    String eventType = null;
    JsonValue.JsonObject data = JsonValue.JsonObject.EMPTY;
    String name;
    while ((name = p.nextFieldName()) != null) {
      int member = broadcastMember(name);
      if (member == 0 || (seen & member) != 0) {
        return null;
      }
      seen |= member;
      JsonToken token = p.nextToken();
      if (member == DATA) {
        data = optionalObject(p, token);
        if (data == null) {
          return null;
        }
      } else {
        String value = requiredString(p, token);
        if (value == null) {
          return null;
        }
        if (member == CHANNEL) {
          channel = value;
        } else {
          eventType = value;
        }
      }
    }
    if (channel == null || eventType == null) {
      return null;
    }
    return new Broadcast(new BroadcastCommand(caller, channel, eventType, data));
  }

  private static int sendMember(String name) {
    return switch (name) {
      case "channel" -> CHANNEL;
      case "message" -> MESSAGE;
      case "type" -> TYPE;
      case "metadata" -> METADATA;
      case "client_msg_id" -> CLIENT_MSG_ID;
      default -> 0;
    };
  }

  private static int broadcastMember(String name) {
    return switch (name) {
      case "channel" -> CHANNEL;
      case "event_type" -> EVENT_TYPE;
      case "data" -> DATA;
      default -> 0;
    };
  }

  /** A string; null for anything else (a {@code null} is a "required" error). */
  private static String requiredString(JsonParser p, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_STRING ? p.getText() : null;
  }

  /** A string, or null for a JSON {@code null} and for any other type (told apart by the token). */
  private static String optionalString(JsonParser p, JsonToken token) throws IOException {
    return token == JsonToken.VALUE_STRING ? p.getText() : null;
  }

  /**
   * An object within the limits, as {@code JsonTrees.toObject} makes it of the tree; the empty
   * object for a JSON {@code null}; null when the ordinary path is needed.
   */
  private static JsonValue.JsonObject optionalObject(JsonParser p, JsonToken token)
      throws IOException {
    if (token == JsonToken.VALUE_NULL) {
      return JsonValue.JsonObject.EMPTY;
    }
    if (token != JsonToken.START_OBJECT) {
      return null;
    }
    JsonValue value = value(p, token, 1, new int[1]);
    return value instanceof JsonValue.JsonObject object ? object : null;
  }

  /**
   * The value starting at {@code token}, or null when it holds what this class leaves to the
   * ordinary path: a decimal number (the tree reads it as a double), a member given twice (the tree
   * keeps the last), or anything past the limits (the tree's conversion refuses it with its
   * reason). {@code values} counts the values read so far.
   */
  private static JsonValue value(JsonParser p, JsonToken token, int depth, int[] values)
      throws IOException {
    if (++values[0] > LIMITS.maxValues()) {
      return null;
    }
    switch (token) {
      case START_OBJECT:
        {
          if (depth > LIMITS.maxDepth()) {
            return null;
          }
          Map<String, JsonValue> fields = new LinkedHashMap<>();
          String name;
          while ((name = p.nextFieldName()) != null) {
            if (name.length() > LIMITS.maxStringLength() || fields.size() >= LIMITS.maxEntries()) {
              return null;
            }
            JsonValue member = value(p, p.nextToken(), depth + 1, values);
            if (member == null || fields.put(name, member) != null) {
              return null;
            }
          }
          return new JsonValue.JsonObject(fields);
        }
      case START_ARRAY:
        {
          if (depth > LIMITS.maxDepth()) {
            return null;
          }
          List<JsonValue> items = new ArrayList<>();
          JsonToken next;
          while ((next = p.nextToken()) != JsonToken.END_ARRAY) {
            if (items.size() >= LIMITS.maxEntries()) {
              return null;
            }
            JsonValue item = value(p, next, depth + 1, values);
            if (item == null) {
              return null;
            }
            items.add(item);
          }
          return new JsonValue.JsonArray(items);
        }
      case VALUE_STRING:
        {
          String text = p.getText();
          return text.length() > LIMITS.maxStringLength() ? null : new JsonValue.JsonString(text);
        }
      case VALUE_NUMBER_INT:
        {
          BigDecimal number =
              p.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                  ? new BigDecimal(p.getBigIntegerValue())
                  : BigDecimal.valueOf(p.getLongValue());
          return number.precision() > LIMITS.maxNumberLength()
              ? null
              : new JsonValue.JsonNumber(number);
        }
      case VALUE_TRUE:
        return JsonValue.JsonBool.TRUE;
      case VALUE_FALSE:
        return JsonValue.JsonBool.FALSE;
      case VALUE_NULL:
        return JsonValue.JsonNull.INSTANCE;
      default:
        return null; // a decimal number, or a token no value starts with
    }
  }
}
