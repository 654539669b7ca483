package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.Extension;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glassfish.tyrus.core.HandshakeException;
import org.glassfish.tyrus.core.RequestContext;

/**
 * Captures the query, headers and peer address of each websocket upgrade, validates it as the
 * reference server does (refusing a bad one with its HTTP status) and creates one endpoint per
 * connection.
 */
final class HandshakeCapture extends ServerEndpointConfig.Configurator {

  /**
   * Headers of the upgrade itself, meaningless once the websocket is open: not kept with the
   * session (an idle session keeps its headers for hours).
   */
  private static final Set<String> UPGRADE_ONLY =
      Set.of(
          "connection",
          "upgrade",
          "sec-websocket-key",
          "sec-websocket-version",
          "sec-websocket-extensions");

  /** One shared instance of the usual header names instead of a copy per session. */
  private static final Map<String, String> COMMON_NAMES =
      Stream.of(
              "host",
              "origin",
              "user-agent",
              "cookie",
              "authorization",
              "accept",
              "accept-encoding",
              "accept-language",
              "cache-control",
              "pragma",
              "referer",
              "sec-websocket-protocol",
              "x-forwarded-for",
              "x-forwarded-proto",
              "x-real-ip")
          .collect(Collectors.toUnmodifiableMap(Function.identity(), Function.identity()));

  private final EngineServer server;

  HandshakeCapture(EngineServer server) {
    this.server = server;
  }

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    Map<String, List<String>> query = QueryString.parse(request.getQueryString());
    Map<String, List<String>> headers = new LinkedHashMap<>();
    request
        .getHeaders()
        .forEach(
            (name, values) -> {
              String kept = keptName(name);
              if (kept != null) {
                headers.put(kept, List.copyOf(values));
              }
            });
    String remote =
        request instanceof RequestContext context && context.getRemoteAddr() != null
            ? context.getRemoteAddr()
            : "";
    List<String> origins = headers.get("origin");
    String origin = origins == null || origins.isEmpty() ? null : origins.get(0);
    String sid = QueryString.first(query, "sid");
    boolean elsewhere = server.isRemote(sid, name -> first(headers, name));
    EngineError error = elsewhere ? null : server.verify("GET", query, true, origin);
    if (error != null) {
      throwUnchecked(new HandshakeException(error.httpStatus(), error.json()));
    }
    EngineSession session = sid == null || elsewhere ? null : server.session(sid);
    Object claim = session == null ? null : session.claimUpgrade();
    config
        .getUserProperties()
        .put(WebSocketHandshake.KEY, new WebSocketHandshake(query, headers, remote, claim));
  }

  /**
   * The name a header of an upgrade is kept under with its session: lower case, one shared instance
   * for the usual names; null for the upgrade's own headers, which are not kept.
   */
  static String keptName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return UPGRADE_ONLY.contains(lower) ? null : COMMON_NAMES.getOrDefault(lower, lower);
  }

  /** The first value of the header {@code name} (any case), or null. */
  static String first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /**
   * permessage-deflate when compression is on and the client offers an acceptable configuration
   * ({@link PerMessageDeflate}); no other extension.
   */
  @Override
  public List<Extension> getNegotiatedExtensions(
      List<Extension> installed, List<Extension> requested) {
    EngineOptions options = server.options();
    if (!options.compression().enabled()) {
      return List.of();
    }
    return PerMessageDeflate.negotiate(requested, options.maxPayload())
        .<List<Extension>>map(List::of)
        .orElse(List.of());
  }

  @Override
  public <T> T getEndpointInstance(Class<T> endpointClass) {
    return endpointClass.cast(new EngineEndpoint(server));
  }

  /**
   * Tyrus answers a {@link HandshakeException} with its HTTP status, but the configurator API
   * declares no checked exception: rethrow it unchecked.
   */
  @SuppressWarnings("unchecked")
  private static <E extends Throwable> void throwUnchecked(Throwable error) throws E {
    throw (E) error;
  }
}
