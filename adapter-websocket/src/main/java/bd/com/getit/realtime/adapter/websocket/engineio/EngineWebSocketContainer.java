package bd.com.getit.realtime.adapter.websocket.engineio;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Map;
import java.util.Set;
import org.glassfish.tyrus.core.TyrusWebSocketEngine;
import org.glassfish.tyrus.server.TyrusServerContainer;
import org.glassfish.tyrus.spi.WebSocketEngine;

/** A Tyrus container that only holds the engine, so that Grizzly's own HTTP server serves it. */
final class EngineWebSocketContainer extends TyrusServerContainer {

  private final TyrusWebSocketEngine engine;

  EngineWebSocketContainer(int incomingBufferSize) {
    super(Set.<Class<?>>of());
    this.engine = TyrusWebSocketEngine.builder(this).incomingBufferSize(incomingBufferSize).build();
  }

  @Override
  public void register(Class<?> endpointClass) throws DeploymentException {
    engine.register(endpointClass, "");
  }

  @Override
  public void register(ServerEndpointConfig config) throws DeploymentException {
    engine.register(config, "");
  }

  @Override
  public Map<String, Object> getProperties() {
    return Map.of();
  }

  @Override
  public WebSocketEngine getWebSocketEngine() {
    return engine;
  }
}
