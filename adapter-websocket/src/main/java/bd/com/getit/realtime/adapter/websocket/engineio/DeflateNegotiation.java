package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Negotiates permessage-deflate (RFC 7692) from a client's {@code Sec-WebSocket-Extensions} offers,
 * in the one configuration this server runs: 15-bit server windows, and the client told not to keep
 * its context (so that inflating needs no per-socket state). Both websocket layers use it: this
 * adapter's own upgrade parses the header string ({@link #parse}); Tyrus hands over its parsed
 * offers ({@link PerMessageDeflate}). Stateless.
 */
final class DeflateNegotiation {

  static final String NAME = "permessage-deflate";
  static final String SERVER_NO_CONTEXT = "server_no_context_takeover";
  static final String CLIENT_NO_CONTEXT = "client_no_context_takeover";
  static final String SERVER_BITS = "server_max_window_bits";
  static final String CLIENT_BITS = "client_max_window_bits";

  /** One extension parameter; {@code value} is null when the parameter has none. */
  record Param(String name, String value) {
    Param {
      Objects.requireNonNull(name, "name");
    }
  }

  /** One offered extension with its parameters, in the client's order. */
  record Offer(String name, List<Param> params) {
    Offer {
      Objects.requireNonNull(name, "name");
      params = List.copyOf(params);
    }
  }

  /**
   * An accepted offer.
   *
   * @param response the parameters of the server's answer
   * @param contextTakeoverAllowed whether the server may compress with context takeover (the client
   *     did not ask for {@code server_no_context_takeover})
   */
  record Agreement(List<Param> response, boolean contextTakeoverAllowed) {
    Agreement {
      response = List.copyOf(response);
    }

    /** The value of the response's {@code Sec-WebSocket-Extensions} header. */
    String header() {
      StringBuilder out = new StringBuilder(NAME);
      for (Param param : response) {
        out.append("; ").append(param.name());
        if (param.value() != null) {
          out.append('=').append(param.value());
        }
      }
      return out.toString();
    }
  }

  private DeflateNegotiation() {}

  /**
   * The offers of a {@code Sec-WebSocket-Extensions} header value (several header lines joined with
   * commas): extensions separated by commas, parameters by semicolons, values possibly quoted (kept
   * as sent). Elements without a name are skipped; null gives none.
   */
  static List<Offer> parse(String header) {
    List<Offer> offers = new ArrayList<>();
    if (header == null) {
      return offers;
    }
    for (String element : split(header, ',')) {
      List<String> parts = split(element, ';');
      String name = parts.get(0).trim();
      if (name.isEmpty()) {
        continue;
      }
      List<Param> params = new ArrayList<>(parts.size() - 1);
      for (int i = 1; i < parts.size(); i++) {
        String part = parts.get(i).trim();
        if (part.isEmpty()) {
          continue;
        }
        int eq = part.indexOf('=');
        params.add(
            eq < 0
                ? new Param(part, null)
                : new Param(part.substring(0, eq).trim(), part.substring(eq + 1).trim()));
      }
      offers.add(new Offer(name, params));
    }
    return offers;
  }

  /** Splits on {@code separator} outside double quotes. */
  private static List<String> split(String value, char separator) {
    List<String> parts = new ArrayList<>(2);
    boolean quoted = false;
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == separator && !quoted) {
        parts.add(value.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(value.substring(from));
    return parts;
  }

  /** The agreement on the first acceptable permessage-deflate offer of {@code header}. */
  static Optional<Agreement> negotiate(String header) {
    return negotiate(parse(header));
  }

  /**
   * The agreement on the first acceptable permessage-deflate offer, or empty when there is none
   * (the connection then runs uncompressed). An offer is declined when it has an unknown or
   * repeated parameter, or asks the server for a window below 15 bits (the JDK's deflater has no
   * smaller one).
   */
  static Optional<Agreement> negotiate(List<Offer> offers) {
    for (Offer offer : offers) {
      if (NAME.equals(offer.name())) {
        Agreement agreement = respond(offer.params());
        if (agreement != null) {
          return Optional.of(agreement);
        }
      }
    }
    return Optional.empty();
  }

  /** The agreement accepting {@code offer}, or null to decline it. */
  private static Agreement respond(List<Param> offer) {
    Set<String> seen = new HashSet<>();
    boolean serverBits = false;
    for (Param parameter : offer) {
      String name = parameter.name();
      String value = parameter.value();
      if (!seen.add(name)) {
        return null;
      }
      switch (name) {
        case SERVER_NO_CONTEXT, CLIENT_NO_CONTEXT -> {
          if (value != null && !value.isEmpty()) {
            return null;
          }
        }
        case SERVER_BITS -> {
          if (!"15".equals(unquote(value))) {
            return null;
          }
          serverBits = true;
        }
        case CLIENT_BITS -> {
          String bits = unquote(value);
          if (bits != null && !bits.isEmpty() && !bits.matches("8|9|1[0-5]")) {
            return null;
          }
        }
        default -> {
          return null;
        }
      }
    }
    // client_no_context_takeover may be sent whether or not the client offered it (7.1.1.2):
    // inflation then needs no per-socket state. server_no_context_takeover is agreed only when
    // asked for: without it the server may still compress each message on its own (the shared
    // frames), and may compress with context for a socket on a slow link (ContextDeflater).
    List<Param> response = new ArrayList<>(3);
    boolean serverNoContext = seen.contains(SERVER_NO_CONTEXT);
    if (serverNoContext) {
      response.add(new Param(SERVER_NO_CONTEXT, null));
    }
    response.add(new Param(CLIENT_NO_CONTEXT, null));
    if (serverBits) {
      response.add(new Param(SERVER_BITS, "15"));
    }
    return new Agreement(response, !serverNoContext);
  }

  private static String unquote(String value) {
    if (value != null && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
      return value.substring(1, value.length() - 1);
    }
    return value;
  }
}
