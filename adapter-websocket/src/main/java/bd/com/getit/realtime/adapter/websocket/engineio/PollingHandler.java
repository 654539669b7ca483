package bd.com.getit.realtime.adapter.websocket.engineio;

import java.util.List;
import java.util.Map;
import org.glassfish.grizzly.http.Method;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * The Grizzly handler of the Engine.IO path for plain HTTP: validates requests as the reference
 * server does, answers handshakes and hands polls and posts to the session's polling transport.
 */
final class PollingHandler extends HttpHandler {

  private final EngineServer server;
  private final EngineOptions options;

  PollingHandler(EngineServer server) {
    super("engine.io polling");
    this.server = server;
    this.options = server.options();
  }

  @Override
  public void service(Request request, Response response) {
    if (!options.path().equals(request.getRequestURI())) {
      HttpReplies.status(response, 404);
      return;
    }
    Map<String, List<String>> query = QueryString.parse(request.getQueryString());
    if (server.isRemote(QueryString.first(query, "sid"), request::getHeader)) {
      server.remote().forwardPolling(request, response); // the owner answers, CORS included
      return;
    }
    String origin = request.getHeader("Origin");
    boolean corsEnabled = !options.corsOrigins().isEmpty();
    if (corsEnabled && options.allowsOrigin(origin)) {
      response.setHeader("Access-Control-Allow-Origin", origin);
      response.setHeader("Access-Control-Allow-Credentials", "true");
      response.addHeader("Vary", "Origin");
    }
    Method method = request.getMethod();
    if (corsEnabled && Method.OPTIONS.equals(method)) {
      preflight(request, response);
      return;
    }
    EngineError error = server.verify(method.getMethodString(), query, false, origin);
    if (error == EngineError.UNKNOWN_SID && Method.GET.equals(method)) {
      pollAfterEnd(QueryString.first(query, "sid"), response);
      return;
    }
    if (error != null) {
      HttpReplies.error(response, error);
      return;
    }
    String sid = QueryString.first(query, "sid");
    if (sid == null) {
      server.handshakePolling(request, response, query);
      return;
    }
    PollingTransport polling = server.pollingTransport(sid);
    if (polling == null) {
      // ended or upgraded since it was verified
      if (server.session(sid) != null) {
        HttpReplies.error(response, EngineError.BAD_REQUEST);
      } else if (Method.GET.equals(method)) {
        pollAfterEnd(sid, response);
      } else {
        HttpReplies.error(response, EngineError.UNKNOWN_SID);
      }
    } else if (Method.GET.equals(method)) {
      if (!polling.onGet(response)) {
        pollAfterEnd(sid, response);
      }
    } else if (Method.POST.equals(method)) {
      polling.onPost(request, response);
    } else {
      HttpReplies.status(response, 500); // as the reference server does
    }
  }

  /** A poll for a session that has ended: unknown, unless it raced with the client's close. */
  private void pollAfterEnd(String sid, Response response) {
    if (server.takeRecentClientClose(sid)) {
      PollingTransport.answerLatePoll(response);
    } else {
      HttpReplies.error(response, EngineError.UNKNOWN_SID);
    }
  }

  private static void preflight(Request request, Response response) {
    response.setHeader("Access-Control-Allow-Methods", "GET,HEAD,PUT,PATCH,POST,DELETE");
    String requested = request.getHeader("Access-Control-Request-Headers");
    if (requested != null) {
      response.setHeader("Access-Control-Allow-Headers", requested);
    }
    HttpReplies.status(response, 204);
  }
}
