package bd.com.getit.realtime.domain.presence;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.Optional;

/** What a shopper is doing: the product on screen, the cart size, whether in checkout. */
public record ShoppingActivity(Optional<String> viewingProduct, int cartItems, boolean inCheckout) {
  public static final ShoppingActivity NONE = new ShoppingActivity(Optional.empty(), 0, false);

  public ShoppingActivity {
    java.util.Objects.requireNonNull(viewingProduct, "viewingProduct");
    if (cartItems < 0 || cartItems > 100_000) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "cart_items out of range");
    }
  }
}
