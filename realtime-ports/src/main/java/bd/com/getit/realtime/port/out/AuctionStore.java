package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.auction.Bid;
import bd.com.getit.realtime.domain.auction.BidOutcome;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * The state of auctions, shared by the cluster: the highest bid and whether bidding has closed. An
 * auction is open until closed; an unknown auction is open with no bid. Thread-safe; returns at
 * once, completes later.
 */
public interface AuctionStore {

  /**
   * Takes {@code bid} if and only if its auction is open and its amount is strictly above the
   * highest bid, atomically: of two concurrent offers of the same amount, at most one is accepted
   * (across every node sharing the store).
   */
  CompletionStage<BidOutcome> offer(Bid bid);

  /** Closes bidding on {@code auction}; closing a closed or unknown auction is harmless. */
  CompletionStage<Void> close(AuctionId auction, Instant at);

  /** The highest accepted bid, if any. */
  CompletionStage<Optional<Bid>> highest(AuctionId auction);
}
