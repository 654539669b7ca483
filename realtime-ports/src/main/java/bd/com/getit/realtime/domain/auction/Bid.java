package bd.com.getit.realtime.domain.auction;

import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.BidId;
import bd.com.getit.realtime.domain.UserId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/** A bid on an auction: who offered how much, when. Amounts are exact decimals, never doubles. */
public record Bid(BidId id, AuctionId auction, UserId bidder, BigDecimal amount, Instant placedAt) {
  public Bid {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(auction, "auction");
    Objects.requireNonNull(bidder, "bidder");
    Objects.requireNonNull(amount, "amount");
    Objects.requireNonNull(placedAt, "placedAt");
    if (amount.signum() <= 0) {
      throw new IllegalArgumentException("a bid's amount must be positive, was " + amount);
    }
  }
}
