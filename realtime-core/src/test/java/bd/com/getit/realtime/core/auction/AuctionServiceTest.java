package bd.com.getit.realtime.core.auction;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.guest;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.testing.CapturingFanout;
import bd.com.getit.realtime.core.testing.RecordingRateLimiter;
import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.auction.Bid;
import bd.com.getit.realtime.domain.auction.BidOutcome;
import bd.com.getit.realtime.domain.auction.BidOutcome.Status;
import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.in.AuctionUseCase.PlaceBidCommand;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.testkit.MutableClock;
import bd.com.getit.realtime.testkit.SequentialIds;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

class AuctionServiceTest {
  private static final Caller BUYER = Caller.of(customer("u1"));

  /** The store's rule in its simplest form; the adapters' own contract tests check theirs. */
  static final class SimpleAuctions implements AuctionStore {
    final Map<AuctionId, Bid> highest = new HashMap<>();
    final Set<AuctionId> closed = new HashSet<>();

    @Override
    public CompletionStage<BidOutcome> offer(Bid bid) {
      Optional<Bid> top = Optional.ofNullable(highest.get(bid.auction()));
      if (closed.contains(bid.auction())) {
        return CompletableFuture.completedFuture(new BidOutcome(Status.CLOSED, top));
      }
      if (top.isPresent() && bid.amount().compareTo(top.get().amount()) <= 0) {
        return CompletableFuture.completedFuture(new BidOutcome(Status.TOO_LOW, top));
      }
      highest.put(bid.auction(), bid);
      return CompletableFuture.completedFuture(new BidOutcome(Status.ACCEPTED, Optional.of(bid)));
    }

    @Override
    public CompletionStage<Void> close(AuctionId auction, Instant at) {
      closed.add(auction);
      return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<Bid>> highest(AuctionId auction) {
      return CompletableFuture.completedFuture(Optional.ofNullable(highest.get(auction)));
    }
  }

  private final SimpleAuctions store = new SimpleAuctions();
  private final CapturingFanout fanout = new CapturingFanout();
  private final RecordingRateLimiter limiter = new RecordingRateLimiter();
  private final MutableClock clock = new MutableClock();
  private final AuctionService auctions =
      new AuctionService(store, fanout, limiter, new SequentialIds(), clock);

  private CompletionStage<Bid> bid(Caller caller, String auction, String amount) {
    return auctions.placeBid(
        new PlaceBidCommand(caller, auction, amount == null ? null : new BigDecimal(amount)));
  }

  @Test
  void anAcceptedBidIsPublishedOnTheAuctionChannel() {
    Bid bid = done(bid(BUYER, "a1", "1500.50"));

    assertThat(bid.bidder().value()).isEqualTo("u1");
    assertThat(bid.amount()).isEqualByComparingTo("1500.5");
    assertThat(bid.placedAt()).isEqualTo(clock.now());
    assertThat(limiter.actions()).containsExactly(RateLimiter.Action.PLACE_BID);
    Event published = fanout.only();
    assertThat(published.name()).isEqualTo("auction_bid");
    assertThat(published.channel().toString()).isEqualTo("auction:a1");
    assertThat(published.priority()).isEqualTo(Priority.HIGH);
    assertThat(published.data())
        .isEqualTo(
            JsonValue.JsonObject.builder()
                .put("auction_id", "a1")
                .put("bid_id", bid.id().value())
                .put("user_id", "u1")
                .put("amount", new JsonValue.JsonNumber(new BigDecimal("1500.5")))
                .put("placed_at", clock.now().toString())
                .build());
  }

  @Test
  void aBidNotAboveTheHighestIsAConflictAndNotPublished() {
    done(bid(BUYER, "a1", "100"));

    assertThat(code(bid(Caller.of(customer("u2")), "a1", "100.00"))).isEqualTo(ErrorCode.CONFLICT);
    assertThat(code(bid(Caller.of(customer("u2")), "a1", "99"))).isEqualTo(ErrorCode.CONFLICT);
    assertThat(fanout.events()).hasSize(1);
    assertThat(done(bid(Caller.of(customer("u2")), "a1", "100.01")).amount())
        .isEqualByComparingTo("100.01");
    assertThat(fanout.events()).hasSize(2);
  }

  @Test
  void aClosedAuctionRefusesBids() {
    store.closed.add(AuctionId.of("a1"));
    assertThat(code(bid(BUYER, "a1", "5"))).isEqualTo(ErrorCode.CONFLICT);
    assertThat(fanout.events()).isEmpty();
  }

  @Test
  void guestsMayNotBid() {
    assertThat(code(bid(Caller.of(guest("c1")), "a1", "5"))).isEqualTo(ErrorCode.AUTH_REQUIRED);
    assertThat(limiter.actions()).isEmpty();
  }

  @Test
  void badIdsAndAmountsAreInvalidAndReachNoStore() {
    for (String amount : new String[] {null, "0", "-1", "1.005", "1000000000000.01", "1E+13"}) {
      assertThat(code(bid(BUYER, "a1", amount))).as(amount).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    }
    assertThat(code(bid(BUYER, null, "1"))).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(code(bid(BUYER, "a b", "1"))).isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(store.highest).isEmpty();
    assertThat(done(bid(BUYER, "a1", "1E+12")).amount()).isEqualTo(new BigDecimal("1000000000000"));
  }

  @Test
  void overTheRateLimitNothingIsOffered() {
    limiter.deny(RateLimiter.Action.PLACE_BID);
    assertThat(code(bid(BUYER, "a1", "5"))).isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(store.highest).isEmpty();
  }

  @Test
  void aServiceClosesBiddingThenTheCloseIsPublishedAndLaterBidsAreRefused() {
    Caller service = Caller.of(Principal.of(UserId.of("auction-service"), Set.of(Role.SERVICE)));

    EventId id = done(auctions.closeAuction(new AuctionUseCase.CloseAuctionCommand(service, "a1")));

    assertThat(store.closed).containsExactly(AuctionId.of("a1"));
    Event closed = fanout.only();
    assertThat(closed.id()).isEqualTo(id);
    assertThat(closed.name()).isEqualTo("auction_closed");
    assertThat(closed.channel()).isEqualTo(ChannelName.parse("auction:a1"));
    assertThat(closed.data().text("closed_by")).contains("auction-service");
    assertThat(code(bid(BUYER, "a1", "5"))).isEqualTo(ErrorCode.CONFLICT);
  }

  @Test
  void onlyServicesAndAdminsCloseAnAuction() {
    for (Caller caller : List.of(BUYER, Caller.of(customer("vendor-1")))) {
      assertThat(code(auctions.closeAuction(new AuctionUseCase.CloseAuctionCommand(caller, "a1"))))
          .isEqualTo(ErrorCode.FORBIDDEN);
    }
    assertThat(
            code(
                auctions.closeAuction(
                    new AuctionUseCase.CloseAuctionCommand(
                        Caller.of(Principal.of(UserId.of("ops"), Set.of(Role.ADMIN))), "a b"))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
    assertThat(store.closed).isEmpty();
    assertThat(fanout.events()).isEmpty();
  }
}
