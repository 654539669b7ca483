package bd.com.getit.realtime.core;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.UserId;
import java.util.concurrent.CompletionStage;

/**
 * Takes a user's sockets out of a channel on every node of the cluster: what a participant who
 * leaves a chat room needs, so that the room's events stop reaching them. Never blocks.
 */
public interface ChannelEviction {

  /** Completes once this node's sockets have left and the other nodes have been told. */
  CompletionStage<Void> evict(UserId user, ChannelName channel);
}
