package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineIoConformance;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineOptions;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineServer;
import bd.com.getit.realtime.adapter.websocket.socketio.ClientWorkers;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoConformance;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoOptions;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import org.slf4j.LoggerFactory;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * Starts the reference server from the environment; with {@code check-config} prints the effective
 * configuration and exits ({@link CheckConfig}); with {@code conformance engineio|socketio} the
 * reference configuration of the official protocol test suites on localhost:3000 (or {@code
 * REALTIME_PORT}).
 */
public final class Launcher {
  private Launcher() {}

  public static void main(String[] args) throws Exception {
    SLF4JBridgeHandler.removeHandlersForRootLogger();
    SLF4JBridgeHandler.install();
    if (args.length > 0 && args[0].equals("conformance")) {
      conformance(args.length > 1 ? args[1] : "");
      return;
    }
    if (args.length == 1 && args[0].equals("check-config")) {
      System.exit(CheckConfig.run(System.getenv(), System.out, System.err));
      return;
    }
    if (args.length > 0) {
      System.err.println(
          "usage: java -jar realtime-server.jar [check-config | conformance engineio|socketio]");
      System.exit(2);
    }
    RealtimeServer server;
    try {
      server = RealtimeServer.start(AppConfig.fromEnvironment());
    } catch (ConfigException e) {
      System.err.println("Configuration error: " + e.getMessage());
      System.exit(1);
      return;
    }
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  long started = System.nanoTime();
                  server.stop();
                  LoggerFactory.getLogger(Launcher.class)
                      .info(
                          "Realtime node {} stopped in {} ms",
                          server.config().nodeId(),
                          (System.nanoTime() - started) / 1_000_000);
                },
                "realtime-shutdown"));
    RealtimeServer.awaitForever();
  }

  /** The suites' port, 3000, unless {@code REALTIME_PORT} names another (parallel runs). */
  private static int conformancePort() {
    String port = System.getenv("REALTIME_PORT");
    return port == null || port.isBlank() ? 3000 : Integer.parseInt(port.strip());
  }

  private static void conformance(String suite) throws Exception {
    switch (suite) {
      case "engineio":
        EngineIoConformance.main(new String[] {String.valueOf(conformancePort())});
        break;
      case "socketio":
        EngineOptions options =
            EngineOptions.builder()
                .path("/socket.io/")
                .pingInterval(Duration.ofMillis(300))
                .pingTimeout(Duration.ofMillis(200))
                .maxPayload(1_000_000)
                .corsOrigins(List.of("*"))
                .build();
        SocketIoServer socketIo =
            new SocketIoServer(
                SocketIoOptions.builder().connectTimeout(Duration.ofMillis(1000)).build(),
                SocketIoConformance.handlers(),
                Executors.newSingleThreadScheduledExecutor(),
                ClientWorkers.defaults());
        int port = conformancePort();
        EngineServer.standalone("localhost", port, options, socketIo);
        System.out.println(
            "Socket.IO conformance server on http://localhost:" + port + "/socket.io/");
        RealtimeServer.awaitForever();
        break;
      default:
        System.err.println("usage: conformance engineio|socketio");
        System.exit(2);
    }
  }
}
