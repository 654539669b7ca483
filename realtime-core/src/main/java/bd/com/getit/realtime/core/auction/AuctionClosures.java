package bd.com.getit.realtime.core.auction;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.port.out.AuctionStore;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Closes bidding when an {@code auction_closed} event is published on an {@code auction:} channel,
 * from whatever interface (Kafka, REST, a service socket): the store is closed first, so no bid is
 * accepted after subscribers were told the auction closed.
 */
public final class AuctionClosures implements Fanout {
  private final Fanout fanout;
  private final AuctionStore store;

  public AuctionClosures(Fanout fanout, AuctionStore store) {
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.store = Objects.requireNonNull(store, "store");
  }

  @Override
  public CompletionStage<StreamOffset> publish(Event event, Optional<ConnectionId> except) {
    if (event.kind() != EventKind.AUCTION_CLOSED || event.channel().type() != ChannelType.AUCTION) {
      return fanout.publish(event, except);
    }
    return store
        .close(AuctionId.of(event.channel().id()), event.timestamp())
        .thenCompose(v -> fanout.publish(event, except));
  }
}
