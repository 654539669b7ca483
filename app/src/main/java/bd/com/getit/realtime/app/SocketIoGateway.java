package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.websocket.engineio.EngineOptions;
import bd.com.getit.realtime.adapter.websocket.engineio.EngineServer;
import bd.com.getit.realtime.adapter.websocket.engineio.RemoteSessions;
import bd.com.getit.realtime.adapter.websocket.engineio.TimerWheel;
import bd.com.getit.realtime.adapter.websocket.gateway.ClientAddressResolver;
import bd.com.getit.realtime.adapter.websocket.gateway.GatewayCounters;
import bd.com.getit.realtime.adapter.websocket.gateway.GatewayUseCases;
import bd.com.getit.realtime.adapter.websocket.gateway.RealtimeNamespace;
import bd.com.getit.realtime.adapter.websocket.gateway.SocketIoDelivery;
import bd.com.getit.realtime.adapter.websocket.socketio.ClientWorkers;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoOptions;
import bd.com.getit.realtime.adapter.websocket.socketio.SocketIoServer;
import bd.com.getit.realtime.core.assembly.RealtimeCore;
import java.util.Map;

/**
 * The Socket.IO gateway of the server, built from the settings over the core's use cases: the
 * {@code /realtime} namespace, the client workers it runs on and the Engine.IO server that carries
 * it, with the timing wheel of every connection's timers.
 *
 * @param connectionTimers every connection's timers (header deadline, heartbeat, connect and ack
 *     timeouts) in one wheel: thousands of them, mostly cancelled, none blocking
 * @param workers where client events run, off the selector threads
 * @param counters what the {@code /realtime} namespace counts (metrics)
 */
record SocketIoGateway(
    EngineServer engine,
    ClientWorkers workers,
    TimerWheel connectionTimers,
    GatewayCounters counters) {

  /** Builds the gateway; its threads are pushed on {@code closeables}, closed after the engine. */
  static SocketIoGateway create(
      AppConfig config,
      RealtimeCore core,
      SocketIoDelivery delivery,
      RemoteSessions remote,
      Closeables closeables) {
    TimerWheel connectionTimers = TimerWheel.standard("realtime-connection-timers");
    closeables.push(connectionTimers::shutdownNow);
    RealtimeNamespace namespace =
        new RealtimeNamespace(
            new GatewayUseCases(
                core.connections(),
                core.channels(),
                core.messaging(),
                core.presence(),
                core.chat(),
                core.notifications(),
                core.auctions()),
            delivery,
            ClientAddressResolver.trusting(config.trustedProxies()));
    ClientWorkers workers = closeables.push(ClientWorkers.defaults());
    SocketIoServer socketIo =
        new SocketIoServer(
            SocketIoOptions.builder()
                .connectTimeout(config.connectTimeout())
                .recoveryEnabled(true)
                .build(),
            Map.of(RealtimeNamespace.NAME, new LoggingNamespace(namespace)),
            connectionTimers,
            workers);
    EngineServer engine =
        new EngineServer(
            EngineOptions.builder()
                .path(config.socketIoPath())
                .pingInterval(config.pingInterval())
                .pingTimeout(config.pingTimeout())
                .maxPayload(config.maxPayload())
                .corsOrigins(config.corsOrigins())
                .compression(config.mobile().compression())
                .sendQueueBudgetBytes(config.sendQueueBudgetBytes())
                .websocketLayer(config.websocketLayer())
                .build(),
            socketIo,
            connectionTimers,
            remote);
    return new SocketIoGateway(engine, workers, connectionTimers, namespace.counters());
  }
}
