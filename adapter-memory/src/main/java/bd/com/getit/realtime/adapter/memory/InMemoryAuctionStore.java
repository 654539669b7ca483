package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.auction.Bid;
import bd.com.getit.realtime.domain.auction.BidOutcome;
import bd.com.getit.realtime.domain.auction.BidOutcome.Status;
import bd.com.getit.realtime.port.out.AuctionStore;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Auctions of one process under one lock: an offer is a compare-and-set on the auction's highest
 * bid. Holds at most {@code capacity} auctions; the least recently touched is forgotten first.
 */
final class InMemoryAuctionStore implements AuctionStore {
  static final int DEFAULT_CAPACITY = 100_000;

  private record State(Optional<Bid> highest, boolean closed) {}

  private final Map<AuctionId, State> auctions;

  InMemoryAuctionStore(int capacity) {
    this.auctions =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<AuctionId, State> eldest) {
            return size() > capacity;
          }
        };
  }

  @Override
  public synchronized CompletionStage<BidOutcome> offer(Bid bid) {
    State state = auctions.getOrDefault(bid.auction(), new State(Optional.empty(), false));
    if (state.closed()) {
      return CompletableFuture.completedFuture(new BidOutcome(Status.CLOSED, state.highest()));
    }
    if (state.highest().isPresent()
        && bid.amount().compareTo(state.highest().get().amount()) <= 0) {
      return CompletableFuture.completedFuture(new BidOutcome(Status.TOO_LOW, state.highest()));
    }
    auctions.put(bid.auction(), new State(Optional.of(bid), false));
    return CompletableFuture.completedFuture(new BidOutcome(Status.ACCEPTED, Optional.of(bid)));
  }

  @Override
  public synchronized CompletionStage<Void> close(AuctionId auction, Instant at) {
    State state = auctions.getOrDefault(auction, new State(Optional.empty(), false));
    auctions.put(auction, new State(state.highest(), true));
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public synchronized CompletionStage<Optional<Bid>> highest(AuctionId auction) {
    State state = auctions.get(auction);
    return CompletableFuture.completedFuture(state == null ? Optional.empty() : state.highest());
  }
}
