package bd.com.getit.realtime.core.auction;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.i18n.SystemText;
import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.BidId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.auction.Bid;
import bd.com.getit.realtime.domain.auction.BidOutcome;
import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.out.AuctionStore;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.IdGenerator;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * {@code place_bid}: a signed-in user offers an amount; the shared {@link AuctionStore} decides
 * atomically whether it beats the highest bid of an open auction, and an accepted bid is published
 * as {@code auction_bid} on the auction's channel, in the order the store accepted them per node.
 * Thread-safe; never blocks.
 */
public final class AuctionService implements AuctionUseCase {
  /** Bids above this are a typing error or an attack, not a price. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

  private final AuctionStore store;
  private final Fanout fanout;
  private final RateLimiter limiter;
  private final IdGenerator ids;
  private final Clock clock;

  public AuctionService(
      AuctionStore store, Fanout fanout, RateLimiter limiter, IdGenerator ids, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public CompletionStage<Bid> placeBid(PlaceBidCommand command) {
    Objects.requireNonNull(command, "command");
    return Stages.guard(
        () -> {
          Principal bidder = command.caller().principal();
          if (bidder.isGuest()) {
            throw new RealtimeException(
                ErrorCode.AUTH_REQUIRED, SystemText.GUESTS_NOT_ALLOWED.english());
          }
          AuctionId auction = auctionId(command.auctionId());
          BigDecimal amount = amount(command.amount());
          return limiter
              .check(bidder, RateLimiter.Action.PLACE_BID)
              .thenCompose(
                  v ->
                      store.offer(
                          new Bid(
                              BidId.of(ids.next()), auction, bidder.user(), amount, clock.now())))
              .thenCompose(this::publishAccepted);
        });
  }

  @Override
  public CompletionStage<EventId> closeAuction(CloseAuctionCommand command) {
    Objects.requireNonNull(command, "command");
    return Stages.guard(
        () -> {
          Principal closer = command.caller().principal();
          if (!closer.isTrusted()) {
            throw new RealtimeException(
                ErrorCode.FORBIDDEN, "only a service or an admin closes an auction");
          }
          AuctionId auction = auctionId(command.auctionId());
          Instant now = clock.now();
          Event closed = closedEvent(auction, closer, now);
          // Closed in the store first: no bid is accepted once subscribers hear of the close.
          return store
              .close(auction, now)
              .thenCompose(v -> fanout.publish(closed, Optional.empty()))
              .thenApply(offset -> closed.id());
        });
  }

  private Event closedEvent(AuctionId auction, Principal closer, Instant at) {
    JsonValue.JsonObject data =
        JsonValue.JsonObject.builder()
            .put("auction_id", auction.value())
            .put("closed_by", closer.user().value())
            .put("closed_at", at.toString())
            .build();
    return new Event(
        EventId.of(ids.next()),
        EventKind.AUCTION_CLOSED.wireName(),
        auction.channel(),
        data,
        at,
        Priority.HIGH,
        Duration.ZERO,
        List.of(),
        false);
  }

  private CompletionStage<Bid> publishAccepted(BidOutcome outcome) {
    switch (outcome.status()) {
      case ACCEPTED:
        Bid bid = outcome.highest().orElseThrow();
        return fanout.publish(event(bid), Optional.empty()).thenApply(offset -> bid);
      case CLOSED:
        return Stages.failed(ErrorCode.CONFLICT, SystemText.AUCTION_CLOSED.english());
      default:
        return Stages.failed(ErrorCode.CONFLICT, SystemText.BID_TOO_LOW.english());
    }
  }

  private Event event(Bid bid) {
    JsonValue.JsonObject data =
        JsonValue.JsonObject.builder()
            .put("auction_id", bid.auction().value())
            .put("bid_id", bid.id().value())
            .put("user_id", bid.bidder().value())
            .put("amount", new JsonValue.JsonNumber(bid.amount()))
            .put("placed_at", bid.placedAt().toString())
            .build();
    return new Event(
        EventId.of(ids.next()),
        EventKind.AUCTION_BID.wireName(),
        bid.auction().channel(),
        data,
        bid.placedAt(),
        Priority.HIGH,
        Duration.ZERO,
        List.of(),
        false);
  }

  private static AuctionId auctionId(String raw) {
    if (raw == null) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "auction_id is required");
    }
    try {
      return AuctionId.of(raw);
    } catch (RealtimeException e) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "auction_id: " + e.getMessage());
    }
  }

  private static BigDecimal amount(BigDecimal raw) {
    if (raw == null
        || raw.signum() <= 0
        || raw.stripTrailingZeros().scale() > 2
        || raw.compareTo(MAX_AMOUNT) > 0) {
      throw new RealtimeException(
          ErrorCode.PAYLOAD_INVALID, SystemText.BID_AMOUNT_INVALID.english());
    }
    return raw.stripTrailingZeros().setScale(Math.max(0, raw.stripTrailingZeros().scale()));
  }
}
