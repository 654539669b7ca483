package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.BidId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.auction.Bid;
import bd.com.getit.realtime.domain.auction.BidOutcome;
import bd.com.getit.realtime.domain.auction.BidOutcome.Status;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.testkit.Concurrently;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuctionStore} must do. */
public abstract class AuctionStoreContract {
  private static final AuctionId AUCTION = AuctionId.of("a1");
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private final AtomicInteger seq = new AtomicInteger();

  private AuctionStore store;

  /** A new, empty store. */
  protected abstract AuctionStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private Bid bid(AuctionId auction, String user, String amount) {
    return new Bid(
        BidId.of("b" + seq.incrementAndGet()),
        auction,
        UserId.of(user),
        new BigDecimal(amount),
        T0.plusSeconds(seq.get()));
  }

  private BidOutcome offer(Bid bid) {
    return join(store.offer(bid));
  }

  @Test
  void anUnknownAuctionIsOpenWithNoBid() {
    assertThat(join(store.highest(AUCTION))).isEmpty();
    Bid first = bid(AUCTION, "u1", "10");
    assertThat(offer(first))
        .isEqualTo(new BidOutcome(Status.ACCEPTED, java.util.Optional.of(first)));
    assertThat(join(store.highest(AUCTION))).contains(first);
  }

  @Test
  void onlyAHigherBidIsAccepted() {
    Bid first = bid(AUCTION, "u1", "10.50");
    offer(first);

    BidOutcome equal = offer(bid(AUCTION, "u2", "10.5"));
    assertThat(equal.status()).isEqualTo(Status.TOO_LOW);
    assertThat(equal.highest()).contains(first);
    assertThat(offer(bid(AUCTION, "u2", "9")).status()).isEqualTo(Status.TOO_LOW);

    Bid higher = bid(AUCTION, "u2", "10.51");
    assertThat(offer(higher).status()).isEqualTo(Status.ACCEPTED);
    assertThat(join(store.highest(AUCTION))).contains(higher);
  }

  @Test
  void aClosedAuctionTakesNoBidAndKeepsItsHighest() {
    Bid first = bid(AUCTION, "u1", "10");
    offer(first);
    join(store.close(AUCTION, T0.plusSeconds(60)));
    join(store.close(AUCTION, T0.plusSeconds(61)));

    BidOutcome late = offer(bid(AUCTION, "u2", "1000"));
    assertThat(late.status()).isEqualTo(Status.CLOSED);
    assertThat(late.highest()).contains(first);
    assertThat(join(store.highest(AUCTION))).contains(first);
  }

  @Test
  void closingAnUnknownAuctionClosesIt() {
    join(store.close(AuctionId.of("never-bid"), T0));
    assertThat(offer(bid(AuctionId.of("never-bid"), "u1", "1")).status()).isEqualTo(Status.CLOSED);
  }

  @Test
  void auctionsAreIndependent() {
    offer(bid(AUCTION, "u1", "100"));
    join(store.close(AUCTION, T0));
    Bid other = bid(AuctionId.of("a2"), "u1", "1");
    assertThat(offer(other).status()).isEqualTo(Status.ACCEPTED);
  }

  @Test
  void ofConcurrentEqualOffersExactlyOneIsAccepted() {
    List<Status> outcomes =
        Concurrently.call(16, () -> offer(bid(AUCTION, "u" + seq.get(), "50")).status());
    assertThat(outcomes).containsOnlyOnce(Status.ACCEPTED);
    assertThat(join(store.highest(AUCTION)).orElseThrow().amount()).isEqualByComparingTo("50");
  }
}
