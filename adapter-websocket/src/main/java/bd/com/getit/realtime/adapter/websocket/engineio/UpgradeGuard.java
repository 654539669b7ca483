package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.attributes.AttributeHolder;
import org.glassfish.grizzly.filterchain.BaseFilter;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.glassfish.grizzly.http.HttpContent;
import org.glassfish.grizzly.http.HttpHeader;
import org.glassfish.grizzly.http.HttpRequestPacket;
import org.glassfish.grizzly.http.HttpResponsePacket;
import org.glassfish.grizzly.memory.Buffers;

/**
 * A Grizzly filter ahead of Tyrus that refuses a bad websocket upgrade on the Engine.IO path as the
 * reference server does: its HTTP status and JSON error body, then the connection is closed.
 */
final class UpgradeGuard extends BaseFilter {

  private static final String CHECKED = UpgradeGuard.class.getName() + ".checked";

  private final EngineServer server;
  private final String path;
  private final UpgradedFrames frames;

  UpgradeGuard(EngineServer server, UpgradedFrames frames) {
    this.server = server;
    this.frames = frames;
    this.path = server.options().path();
  }

  @Override
  public NextAction handleRead(FilterChainContext ctx) throws IOException {
    if (!(ctx.getMessage() instanceof HttpContent content)) {
      return ctx.getInvokeAction();
    }
    HttpHeader header = content.getHttpHeader();
    if (!header.isRequest()
        || !header.isUpgrade()
        || !"websocket".equalsIgnoreCase(header.getUpgrade())) {
      return ctx.getInvokeAction();
    }
    HttpRequestPacket request = (HttpRequestPacket) header;
    AttributeHolder attributes = request.getAttributes();
    if (!path.equals(request.getRequestURI()) || attributes.getAttribute(CHECKED) != null) {
      return ctx.getInvokeAction(); // frames of an accepted websocket come this way too
    }
    attributes.setAttribute(CHECKED, Boolean.TRUE);
    java.util.Map<String, java.util.List<String>> query =
        QueryString.parse(request.getQueryString());
    if (server.isRemote(QueryString.first(query, "sid"), request::getHeader)) {
      return ctx.getInvokeAction(); // accepted here, relayed to the owner, which checks it
    }
    EngineError error = server.verify("GET", query, true, request.getHeader("Origin"));
    if (error == null) {
      frames.releaseAfterUpgrade(ctx, request);
      return ctx.getInvokeAction();
    }
    refuse(ctx, request, error);
    return ctx.getStopAction();
  }

  private static void refuse(FilterChainContext ctx, HttpRequestPacket request, EngineError error) {
    refuse(ctx, request, error.httpStatus(), error, false);
  }

  /**
   * Answers a refused upgrade with {@code status} and {@code error}'s JSON body, then closes the
   * connection; with {@code versionHeader}, tells the client the websocket version this server
   * speaks (RFC 6455 4.4).
   */
  static void refuse(
      FilterChainContext ctx,
      HttpRequestPacket request,
      int status,
      EngineError error,
      boolean versionHeader) {
    byte[] body = error.json().getBytes(StandardCharsets.UTF_8);
    HttpResponsePacket response = request.getResponse();
    response.setStatus(status);
    if (versionHeader) {
      response.addHeader("Sec-WebSocket-Version", "13");
    }
    // the codec drops the content type of an upgrade's response: set the raw header
    response.getHeaders().addValue("Content-Type").setString("application/json");
    response.setContentLength(body.length);
    response.addHeader("Connection", "close");
    HttpContent reply =
        HttpContent.builder(response)
            .content(Buffers.wrap(ctx.getMemoryManager(), body))
            .last(true)
            .build();
    Connection<?> connection = ctx.getConnection();
    ctx.write(
        reply,
        new EmptyCompletionHandler<WriteResult>() {
          @Override
          public void completed(WriteResult result) {
            connection.closeSilently();
          }

          @Override
          public void failed(Throwable throwable) {
            connection.closeSilently();
          }
        });
  }
}
