package bd.com.getit.realtime.domain;

/** The id of an accepted bid. */
public record BidId(String value) {
  public BidId {
    Ids.require(value, "bid id");
  }

  public static BidId of(String value) {
    return new BidId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
