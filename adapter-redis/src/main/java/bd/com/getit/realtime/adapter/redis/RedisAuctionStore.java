package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.AuctionId;
import bd.com.getit.realtime.domain.BidId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.auction.Bid;
import bd.com.getit.realtime.domain.auction.BidOutcome;
import bd.com.getit.realtime.port.out.AuctionStore;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Auctions in Redis: the hash {@code AUCTION:{id}} holds the highest bid ({@code bid_id}, {@code
 * bidder}, {@code amount}, {@code placed_at}) and {@code closed}. One Lua script compares and sets,
 * so of concurrent offers on any nodes exactly one of equal amounts wins. An auction untouched for
 * {@link #RETENTION} is forgotten (the key expires).
 *
 * <p>Amounts are compared as Lua numbers (doubles): exact for the core's amounts (at most two
 * decimals, at most 10^12), not for arbitrary precision.
 */
final class RedisAuctionStore implements AuctionStore {
  static final Duration RETENTION = Duration.ofDays(7);

  private static final String OFFER =
      """
      local state = redis.call('HMGET', KEYS[1], 'closed', 'bid_id', 'bidder', 'amount', 'placed_at')
      if state[1] == '1' then return {'CLOSED', state[2], state[3], state[4], state[5]} end
      if state[4] and tonumber(ARGV[3]) <= tonumber(state[4]) then
        return {'TOO_LOW', state[2], state[3], state[4], state[5]}
      end
      redis.call('HSET', KEYS[1], 'bid_id', ARGV[1], 'bidder', ARGV[2], 'amount', ARGV[3],
        'placed_at', ARGV[4])
      redis.call('PEXPIRE', KEYS[1], ARGV[5])
      return {'ACCEPTED', ARGV[1], ARGV[2], ARGV[3], ARGV[4]}
      """;

  private static final String CLOSE =
      """
      redis.call('HSET', KEYS[1], 'closed', '1')
      redis.call('PEXPIRE', KEYS[1], ARGV[1])
      return 1
      """;

  private final Redis redis;

  RedisAuctionStore(Redis redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  private String key(AuctionId auction) {
    return redis.key("AUCTION:" + auction.value());
  }

  @Override
  public CompletionStage<BidOutcome> offer(Bid bid) {
    Objects.requireNonNull(bid, "bid");
    return redis
        .eval(
            OFFER,
            List.of(key(bid.auction())),
            List.of(
                bid.id().value(),
                bid.bidder().value(),
                bid.amount().toPlainString(),
                Long.toString(bid.placedAt().toEpochMilli()),
                Long.toString(RETENTION.toMillis())))
        .thenApply(
            reply -> {
              List<?> fields = (List<?>) reply;
              BidOutcome.Status status = BidOutcome.Status.valueOf(text(fields.get(0)));
              return new BidOutcome(status, bidOf(bid.auction(), fields.subList(1, fields.size())));
            });
  }

  @Override
  public CompletionStage<Void> close(AuctionId auction, Instant at) {
    Objects.requireNonNull(auction, "auction");
    return redis
        .eval(CLOSE, List.of(key(auction)), List.of(Long.toString(RETENTION.toMillis())))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Optional<Bid>> highest(AuctionId auction) {
    Objects.requireNonNull(auction, "auction");
    return redis
        .call(c -> c.hmget(key(auction), "bid_id", "bidder", "amount", "placed_at"))
        .thenApply(fields -> bidOf(auction, fields));
  }

  /** The bid of {@code [bid_id, bidder, amount, placed_at]}; empty when there is none. */
  private static Optional<Bid> bidOf(AuctionId auction, List<?> fields) {
    if (fields.size() < 4 || fields.get(0) == null || fields.get(2) == null) {
      return Optional.empty();
    }
    return Optional.of(
        new Bid(
            BidId.of(text(fields.get(0))),
            auction,
            UserId.of(text(fields.get(1))),
            new BigDecimal(text(fields.get(2))),
            Instant.ofEpochMilli(Long.parseLong(text(fields.get(3))))));
  }

  private static String text(Object value) {
    return value instanceof byte[] bytes
        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
        : String.valueOf(value);
  }
}
