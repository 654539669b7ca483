package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.attributes.AttributeHolder;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpServerFilter;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.util.MimeHeaders;

/**
 * Answers websocket upgrades on the Engine.IO path itself, without a websocket container: checks
 * the request as the reference server does (its errors, HTTP status and JSON body; the sid: a new
 * session, the probe of a polling session, a session of another node relayed to it) and as RFC 6455
 * section 4.2.1 says (GET, {@code Connection: upgrade}, version 13 else 426, a key of 16 bytes),
 * answers 101 with the accept key and the permessage-deflate agreement ({@link
 * DeflateNegotiation}), lets Grizzly's HTTP codec forget the request, and makes the connection a
 * {@link GrizzlyWebSocket}, whose reads {@link WebSocketReads} hands over from then on.
 *
 * <p>Sits right after Grizzly's HTTP codec, ahead of the HTTP handlers; runs on the thread that
 * reads the connection and never blocks. Keeps nothing per connection. Other requests pass on.
 */
final class WebSocketUpgrade extends BaseFilter {

  /** What Grizzly's codec keeps on the connection besides the request: its keep-alive state. */
  private static final String KEEP_ALIVE_ATTRIBUTE = "HttpServerFilter.KeepAliveContext";

  private static final int CANNOT_ACCEPT = 1003;
  private static final int UPGRADE_REQUIRED = 426;
  private static final RawFrameWriter.Done IGNORED = failure -> {};

  private final EngineServer server;
  private final String path;

  WebSocketUpgrade(EngineServer server) {
    this.server = server;
    this.path = server.options().path();
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)) {
      return ctx.getInvokeAction();
    }
    HttpHeader header = content.getHttpHeader();
    if (!header.isRequest() || !"websocket".equalsIgnoreCase(header.getUpgrade())) {
      return ctx.getInvokeAction();
    }
    HttpRequestPacket request = (HttpRequestPacket) header;
    if (!path.equals(request.getRequestURI()) || GrizzlyWebSocket.of(ctx.getConnection()) != null) {
      return ctx.getInvokeAction(); // another path's upgrade is the HTTP handlers' to refuse
    }
    Map<String, List<String>> query = QueryString.parse(request.getQueryString());
    String sid = QueryString.first(query, "sid");
    boolean elsewhere = server.isRemote(sid, request::getHeader);
    EngineError error =
        elsewhere
            ? null
            : server.verify(
                request.getMethod().getMethodString(), query, true, request.getHeader("Origin"));
    if (error != null) {
      UpgradeGuard.refuse(ctx, request, error.httpStatus(), error, false);
      return ctx.getStopAction();
    }
    MimeHeaders headers = request.getHeaders();
    if (!Method.GET.equals(request.getMethod())
        || !hasToken(headers.values("Connection"), "upgrade")
        || !WebSocketAccept.validKey(request.getHeader("Sec-WebSocket-Key"))) {
      UpgradeGuard.refuse(ctx, request, 400, EngineError.BAD_REQUEST, false);
      return ctx.getStopAction();
    }
    if (!"13".equals(request.getHeader("Sec-WebSocket-Version"))) {
      UpgradeGuard.refuse(ctx, request, UPGRADE_REQUIRED, EngineError.BAD_REQUEST, true);
      return ctx.getStopAction();
    }
    accept(ctx, content, request, query, sid, elsewhere);
    return ctx.getStopAction();
  }

  private void accept(
      FilterChainContext ctx,
      HttpContent content,
      HttpRequestPacket request,
      Map<String, List<String>> query,
      String sid,
      boolean elsewhere) {
    EngineOptions options = server.options();
    Optional<DeflateNegotiation.Agreement> deflate =
        options.compression().enabled()
            ? DeflateNegotiation.negotiate(joined(request.getHeaders().values(EXTENSIONS)))
            : Optional.empty();
    Connection<?> connection = ctx.getConnection();
    GrizzlyWebSocket socket =
        GrizzlyWebSocket.attach(
            connection, new WebSocketReader(options.maxPayload(), deflate.isPresent(), false));
    releaseRequest(ctx);
    if (!elsewhere) {
      server.upgraded(connection); // the session's heartbeat watches it from now on
    }
    if (sid != null && !elsewhere) {
      EngineSession session = server.session(sid);
      if (session == null) {
        socket.write(switchingProtocols(request, deflate), IGNORED);
        socket.close(CANNOT_ACCEPT, EngineError.UNKNOWN_SID.json()); // gone since the check
        return;
      }
      // The session takes this websocket as its upgrade candidate before the client can know it is
      // open: once the 101 is out, the client may open a second websocket for the same sid, which
      // another selector thread can handle before this one gets here; that second one must be the
      // one refused (engine.io-protocol, "ignores WebSocket connection with same sid after
      // upgrade").
      WebSocketTransport candidate = transport(socket, session, deflate);
      boolean offered = session.offerUpgrade(candidate);
      socket.write(switchingProtocols(request, deflate), IGNORED);
      if (!offered) {
        session.refuseAfterProbe(() -> socket.close(CANNOT_ACCEPT, EngineError.BAD_REQUEST.json()));
        return;
      }
      socket.receive(candidate);
    } else {
      socket.write(switchingProtocols(request, deflate), IGNORED);
      Map<String, List<String>> headers = headersOf(request);
      if (elsewhere) {
        server.remote().relayWebSocket(socket, path, query, headers);
      } else {
        EngineSession session = server.newSession(request.getRemoteAddress(), query, headers);
        WebSocketTransport transport = transport(socket, session, deflate);
        socket.receive(transport);
        server.startWebSocketSession(session, transport);
      }
    }
    Buffer early = content.getContent();
    if (early != null && early.hasRemaining()) {
      socket.readRetained(early); // frames the client sent along with its request
    }
  }

  private WebSocketTransport transport(
      GrizzlyWebSocket socket,
      EngineSession session,
      Optional<DeflateNegotiation.Agreement> deflate) {
    return new WebSocketTransport(
        socket,
        session,
        server.writers(),
        deflate.isPresent() ? server.options().compression() : null,
        deflate.map(DeflateNegotiation.Agreement::contextTakeoverAllowed).orElse(false),
        server.wireStats());
  }

  private static final String EXTENSIONS = "Sec-WebSocket-Extensions";

  private static ByteBuffer switchingProtocols(
      HttpRequestPacket request, Optional<DeflateNegotiation.Agreement> deflate) {
    StringBuilder response =
        new StringBuilder(160)
            .append("HTTP/1.1 101 Switching Protocols\r\n")
            .append("Upgrade: websocket\r\n")
            .append("Connection: Upgrade\r\n")
            .append("Sec-WebSocket-Accept: ")
            .append(WebSocketAccept.of(request.getHeader("Sec-WebSocket-Key")))
            .append("\r\n");
    deflate.ifPresent(
        agreement ->
            response.append(EXTENSIONS).append(": ").append(agreement.header()).append("\r\n"));
    response.append("\r\n");
    return ByteBuffer.wrap(response.toString().getBytes(StandardCharsets.US_ASCII));
  }

  /**
   * Once the chain is done with this read, drops the request from the connection: Grizzly's codec
   * would keep it (its parsed headers, buffers and about 130 chunk objects, 6 KiB) for as long as
   * the websocket lives.
   */
  private static void releaseRequest(FilterChainContext ctx) {
    ctx.addCompletionListener(
        done -> {
          AttributeHolder attributes = done.getConnection().getAttributes();
          attributes.removeAttribute(HttpServerFilter.HTTP_SERVER_REQUEST_ATTR_NAME);
          attributes.removeAttribute(KEEP_ALIVE_ATTRIBUTE);
        });
  }

  /** The request's headers kept with its session ({@link HandshakeCapture#keptName}). */
  private static Map<String, List<String>> headersOf(HttpRequestPacket request) {
    MimeHeaders mime = request.getHeaders();
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String name : mime.names()) {
      String kept = HandshakeCapture.keptName(name);
      if (kept == null || headers.containsKey(kept)) {
        continue;
      }
      List<String> values = new ArrayList<>(1);
      mime.values(name).forEach(values::add);
      headers.put(kept, List.copyOf(values));
    }
    return headers;
  }

  /** Whether a comma-separated header holds {@code token} (any case). */
  private static boolean hasToken(Iterable<String> values, String token) {
    for (String value : values) {
      for (String part : value.split(",")) {
        if (part.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String joined(Iterable<String> values) {
    StringBuilder out = null;
    for (String value : values) {
      out = out == null ? new StringBuilder(value) : out.append(", ").append(value);
    }
    return out == null ? null : out.toString();
  }
}
