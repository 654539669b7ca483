package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Bid;
import bd.com.getit.realtime.domain.Caller;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * Live auctions (PROTOCOL section 4, {@code place_bid}): a signed-in user bids; an accepted bid is
 * published as {@code auction_bid} on {@code auction:{id}}.
 */
public interface AuctionUseCase {

  /**
   * Completes with the accepted bid; fails with {@code AUTH_REQUIRED} for a guest, {@code
   * PAYLOAD_INVALID} for a bad id or amount, {@code CONFLICT} when the bid is not above the highest
   * or the auction has closed, {@code RATE_LIMITED} past the limit.
   */
  CompletionStage<Bid> placeBid(PlaceBidCommand command);

  /** {@code amount} as the client sent it: positive, at most two decimals. */
  record PlaceBidCommand(Caller caller, String auctionId, BigDecimal amount) {
    public PlaceBidCommand {
      Objects.requireNonNull(caller, "caller");
    }
  }
}
