package bd.com.getit.realtime.domain.auction;

import java.util.Objects;
import java.util.Optional;

/**
 * What an auction store answered to an offered bid, with the highest bid after the answer (the
 * offered one when accepted).
 */
public record BidOutcome(Status status, Optional<Bid> highest) {
  public BidOutcome {
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(highest, "highest");
    if (status == Status.ACCEPTED && highest.isEmpty()) {
      throw new IllegalArgumentException("an accepted bid is the highest");
    }
  }

  /** Why a bid was or was not taken. */
  public enum Status {
    ACCEPTED,
    /** Not above the highest bid. */
    TOO_LOW,
    /** The auction was closed. */
    CLOSED
  }
}
