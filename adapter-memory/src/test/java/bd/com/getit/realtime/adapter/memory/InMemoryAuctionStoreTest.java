package bd.com.getit.realtime.adapter.memory;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.BidId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.auction.Bid;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.testkit.contract.AuctionStoreContract;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class InMemoryAuctionStoreTest extends AuctionStoreContract {

  @Override
  protected AuctionStore newStore() {
    return new InMemoryAuctionStore(InMemoryAuctionStore.DEFAULT_CAPACITY);
  }

  @Test
  void forgetsTheLeastRecentlyTouchedAuctionPastItsCapacity() {
    InMemoryAuctionStore store = new InMemoryAuctionStore(2);
    for (String id : new String[] {"a", "b", "c"}) {
      join(
          store.offer(
              new Bid(
                  BidId.of("bid-" + id),
                  AuctionId.of(id),
                  UserId.of("u1"),
                  BigDecimal.ONE,
                  Instant.EPOCH)));
    }
    assertThat(join(store.highest(AuctionId.of("a")))).isEmpty();
    assertThat(join(store.highest(AuctionId.of("c")))).isPresent();
  }
}
