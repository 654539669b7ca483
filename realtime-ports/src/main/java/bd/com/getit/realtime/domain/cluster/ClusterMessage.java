package bd.com.getit.realtime.domain.cluster;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.UserId;
import java.util.Objects;

/**
 * What the cluster bus carries between nodes: a closed set, so that a node's handling is decided by
 * the message's type and never by an event's name or channel. An event, from whatever interface,
 * can only be delivered; a command is a different type that only the server's own use cases (the
 * admin API, a participant leaving a chat room) create.
 */
public sealed interface ClusterMessage
    permits ClusterMessage.PublishedEvent,
        ClusterMessage.DisconnectCommand,
        ClusterMessage.LeaveChannelCommand {

  /** An event to deliver to each node's subscribers of its channel and recipients. */
  record PublishedEvent(Event event) implements ClusterMessage {
    public PublishedEvent {
      Objects.requireNonNull(event, "event");
    }
  }

  /**
   * The admin API's order to close {@code connection}, carried out by the node that holds it and
   * ignored by the others.
   */
  record DisconnectCommand(ConnectionId connection) implements ClusterMessage {
    public DisconnectCommand {
      Objects.requireNonNull(connection, "connection");
    }
  }

  /**
   * Takes every socket of {@code user} out of {@code channel} on every node: a participant who left
   * a chat room stops receiving it. Created only by the chat use case.
   */
  record LeaveChannelCommand(UserId user, ChannelName channel) implements ClusterMessage {
    public LeaveChannelCommand {
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(channel, "channel");
    }
  }
}
