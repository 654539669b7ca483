package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.StreamOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Connecting and disconnecting sockets: authentication, connection limits, auto-joined channels,
 * connection state recovery and the offline queue. Results complete on any thread; failures
 * complete exceptionally with a {@link bd.com.getit.realtime.domain.RealtimeException}.
 */
public interface ConnectionUseCase {

  /** Authenticates and registers a connection (the Socket.IO CONNECT). */
  CompletionStage<Session> connect(ConnectCommand command);

  /**
   * Called once the CONNECT reply is on its way: emits {@code authenticated}, the missed events of
   * a recovered session, the offline queue and {@code offline_sync}, in that order.
   */
  CompletionStage<Void> activate(ConnectionId connection);

  /** Ends a connection; keeps a recovery session unless the client left on purpose. */
  CompletionStage<Void> disconnect(DisconnectCommand command);

  /**
   * @param token the JWT found in the CONNECT auth, the Authorization header or the query
   * @param recovery the {@code pid} and {@code offset} of a previous session, from the CONNECT auth
   * @param preferredLanguage the language the client asks for (CONNECT auth {@code locale}, else
   *     {@code Accept-Language}); the token's {@code locale} claim wins over it
   */
  record ConnectCommand(
      ConnectionId connection,
      Optional<String> token,
      String clientAddress,
      String transport,
      Optional<Recovery> recovery,
      Optional<Language> preferredLanguage) {
    public ConnectCommand {
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(token, "token");
      Objects.requireNonNull(clientAddress, "clientAddress");
      Objects.requireNonNull(transport, "transport");
      Objects.requireNonNull(recovery, "recovery");
      Objects.requireNonNull(preferredLanguage, "preferredLanguage");
    }

    /** A client that asks for no language. */
    public ConnectCommand(
        ConnectionId connection,
        Optional<String> token,
        String clientAddress,
        String transport,
        Optional<Recovery> recovery) {
      this(connection, token, clientAddress, transport, recovery, Optional.empty());
    }
  }

  /** What a reconnecting client says of its previous session. */
  record Recovery(String pid, StreamOffset offset) {
    public Recovery {
      Objects.requireNonNull(pid, "pid");
      Objects.requireNonNull(offset, "offset");
    }
  }

  /**
   * A connected session.
   *
   * @param pid the private session id the client keeps for recovery
   * @param recovered whether the previous session was recovered
   */
  record Session(
      ConnectionId connection,
      Principal principal,
      List<ChannelName> channels,
      String pid,
      boolean recovered) {
    public Session {
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(principal, "principal");
      channels = List.copyOf(channels);
      Objects.requireNonNull(pid, "pid");
    }
  }

  /**
   * @param reason the Socket.IO disconnect reason
   * @param recoverable false when the client left on purpose (its own DISCONNECT) or was kicked
   */
  record DisconnectCommand(ConnectionId connection, String reason, boolean recoverable) {
    public DisconnectCommand {
      Objects.requireNonNull(connection, "connection");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
