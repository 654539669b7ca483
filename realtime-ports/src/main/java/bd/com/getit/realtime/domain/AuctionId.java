package bd.com.getit.realtime.domain;

/**
 * The id of an auction: the {@code {id}} of its {@code auction:{id}} channel, so it obeys the
 * channel id rule ({@code CHANNEL_INVALID} otherwise).
 */
public record AuctionId(String value) {
  public AuctionId {
    java.util.Objects.requireNonNull(value, "auction id");
    new ChannelName(ChannelType.AUCTION, value);
  }

  public static AuctionId of(String value) {
    return new AuctionId(value);
  }

  /** The channel the auction's bids and closing are published on. */
  public ChannelName channel() {
    return new ChannelName(ChannelType.AUCTION, value);
  }

  @Override
  public String toString() {
    return value;
  }
}
