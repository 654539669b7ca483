package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.auction.Bid;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Live auctions (PROTOCOL section 4, {@code place_bid}): a signed-in user bids; an accepted bid is
 * published as {@code auction_bid} on {@code auction:{id}}. Bidding closes only by {@link
 * #closeAuction} (a command of a service or an admin, PROTOCOL section 10.1), never because an
 * event named {@code auction_closed} was published.
 */
public interface AuctionUseCase {

  /**
   * Completes with the accepted bid; fails with {@code AUTH_REQUIRED} for a guest, {@code
   * PAYLOAD_INVALID} for a bad id or amount, {@code CONFLICT} when the bid is not above the highest
   * or the auction has closed, {@code RATE_LIMITED} past the limit.
   */
  CompletionStage<Bid> placeBid(PlaceBidCommand command);

  /**
   * Closes bidding on the auction, then publishes {@code auction_closed} on its channel (so no bid
   * is accepted after subscribers were told); completes with that event's id. Fails with {@code
   * FORBIDDEN} for anyone but a service or an admin, {@code PAYLOAD_INVALID} for a bad id. Closing
   * a closed auction closes nothing more and publishes again.
   */
  CompletionStage<EventId> closeAuction(CloseAuctionCommand command);

  /** Who closes which auction. */
  record CloseAuctionCommand(Caller caller, String auctionId) {
    public CloseAuctionCommand {
      Objects.requireNonNull(caller, "caller");
    }
  }

  /** {@code amount} as the client sent it: positive, at most two decimals. */
  record PlaceBidCommand(Caller caller, String auctionId, BigDecimal amount) {
    public PlaceBidCommand {
      Objects.requireNonNull(caller, "caller");
    }
  }
}
