package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.cluster.Stats;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/** Operations for admins: figures, live connections, kicking a socket, announcements. */
public interface AdminUseCase {

  CompletionStage<Stats> stats(Caller caller);

  CompletionStage<List<ConnectionInfo>> connections(Caller caller);

  /** Disconnects a socket of any node; {@code NOT_FOUND} when no such connection is live. */
  CompletionStage<Void> disconnect(Caller caller, ConnectionId connection);

  /** Publishes a {@code system_announcement} to {@code system:announcements}. */
  CompletionStage<Event> announce(AnnounceCommand command);

  record AnnounceCommand(
      Caller caller,
      LocalizedText title,
      LocalizedText message,
      String type,
      Optional<Instant> showUntil) {
    public AnnounceCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(showUntil, "showUntil");
    }
  }
}
