package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/** Joining and leaving channels under the access table of PROTOCOL section 3. */
public interface ChannelUseCase {

  /** Joins what may be joined; each refused channel is listed with its error code. */
  CompletionStage<JoinResult> join(JoinCommand command);

  /** Leaves the named channels; completes with those actually left. */
  CompletionStage<List<ChannelName>> leave(LeaveCommand command);

  /**
   * @param tokens subscription tokens by channel name
   */
  record JoinCommand(ConnectionId connection, List<String> channels, Map<String, String> tokens) {
    public JoinCommand {
      Objects.requireNonNull(connection, "connection");
      channels = List.copyOf(channels);
      tokens = Map.copyOf(tokens);
    }
  }

  record LeaveCommand(ConnectionId connection, List<String> channels) {
    public LeaveCommand {
      Objects.requireNonNull(connection, "connection");
      channels = List.copyOf(channels);
    }
  }

  record JoinResult(List<ChannelName> joined, List<Rejection> rejected) {
    public JoinResult {
      joined = List.copyOf(joined);
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * @param channel the name as the client sent it
   */
  record Rejection(String channel, ErrorCode code) {
    public Rejection {
      Objects.requireNonNull(channel, "channel");
      Objects.requireNonNull(code, "code");
    }
  }
}
