package bd.com.getit.realtime.core.presence;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.Location;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A validated presence update: each field is either left as the device had it (absent from the
 * update), cleared (JSON {@code null}) or set.
 */
record PresenceChange(
    Optional<PresenceStatus> status,
    boolean pageGiven,
    Optional<String> page,
    Optional<ShoppingActivity> activity,
    boolean locationGiven,
    Optional<Location> location) {

  static final int MAX_PAGE = 512;
  static final int MAX_PRODUCT = 128;
  private static final BigDecimal MAX_CART = BigDecimal.valueOf(100_000);

  /**
   * Parses the raw update of PROTOCOL section 4 ({@code update_presence}) and section 9 ({@code PUT
   * /presence}); unknown fields are ignored.
   *
   * @throws RealtimeException {@code PAYLOAD_INVALID} for a wrong type or value
   */
  static PresenceChange parse(JsonValue.JsonObject update) {
    Optional<JsonValue> page = update.get("current_page");
    Optional<JsonValue> location = update.get("location");
    return new PresenceChange(
        update.get("status").map(PresenceChange::status),
        page.isPresent(),
        page.flatMap(v -> text(v, "current_page", MAX_PAGE)),
        update.get("activity").map(PresenceChange::activity),
        location.isPresent(),
        location.flatMap(PresenceChange::location));
  }

  /** The device with this change applied, active at {@code now}. */
  DevicePresence applyTo(DevicePresence device, Instant now) {
    return new DevicePresence(
        device.connection(),
        status.orElse(device.status()),
        pageGiven ? page : device.currentPage(),
        activity.orElse(device.activity()),
        locationGiven ? location : device.location(),
        now);
  }

  private static PresenceStatus status(JsonValue v) {
    if (v instanceof JsonValue.JsonString s) {
      return PresenceStatus.fromWire(s.value())
          .orElseThrow(() -> invalid("status is online, away, busy or offline"));
    }
    throw invalid("status is online, away, busy or offline");
  }

  private static Optional<String> text(JsonValue v, String what, int max) {
    if (v instanceof JsonValue.JsonNull) {
      return Optional.empty();
    }
    String s;
    if (v instanceof JsonValue.JsonString str) {
      s = str.value();
    } else if (v instanceof JsonValue.JsonNumber n) {
      s = n.value().toPlainString();
    } else {
      throw invalid(what + " is a string");
    }
    if (s.length() > max || s.chars().anyMatch(Character::isISOControl)) {
      throw invalid(what + " is at most " + max + " printable characters");
    }
    return s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  private static ShoppingActivity activity(JsonValue v) {
    if (v instanceof JsonValue.JsonNull) {
      return ShoppingActivity.NONE;
    }
    if (!(v instanceof JsonValue.JsonObject o)) {
      throw invalid("activity is an object");
    }
    Optional<String> product =
        o.get("viewing_product").flatMap(p -> text(p, "viewing_product", MAX_PRODUCT));
    int cart = o.get("cart_items").map(PresenceChange::count).orElse(0);
    boolean checkout = o.get("in_checkout").map(PresenceChange::flag).orElse(false);
    return new ShoppingActivity(product, cart, checkout);
  }

  private static int count(JsonValue v) {
    if (v instanceof JsonValue.JsonNull) {
      return 0;
    }
    if (v instanceof JsonValue.JsonNumber n) {
      if (n.value().signum() < 0 || n.value().compareTo(MAX_CART) > 0) {
        throw invalid("cart_items is 0 to " + MAX_CART);
      }
      try {
        return n.value().intValueExact();
      } catch (ArithmeticException e) {
        throw invalid("cart_items is a whole number");
      }
    }
    throw invalid("cart_items is a number");
  }

  private static boolean flag(JsonValue v) {
    if (v instanceof JsonValue.JsonNull) {
      return false;
    }
    if (v instanceof JsonValue.JsonBool b) {
      return b.value();
    }
    throw invalid("in_checkout is true or false");
  }

  private static Optional<Location> location(JsonValue v) {
    if (v instanceof JsonValue.JsonNull) {
      return Optional.empty();
    }
    if (v instanceof JsonValue.JsonString s) {
      return Optional.of(Location.of(s.value(), null));
    }
    if (v instanceof JsonValue.JsonObject o) {
      String division =
          o.get("division")
              .filter(JsonValue.JsonString.class::isInstance)
              .map(d -> ((JsonValue.JsonString) d).value())
              .orElseThrow(() -> invalid("location.division is a string"));
      Optional<JsonValue> district = o.get("district");
      if (district.isPresent()
          && !(district.get() instanceof JsonValue.JsonString)
          && !(district.get() instanceof JsonValue.JsonNull)) {
        throw invalid("location.district is a string");
      }
      return Optional.of(
          Location.of(
              division,
              district
                  .filter(JsonValue.JsonString.class::isInstance)
                  .map(d -> ((JsonValue.JsonString) d).value())
                  .orElse(null)));
    }
    throw invalid("location is an object or a string");
  }

  private static RealtimeException invalid(String detail) {
    return new RealtimeException(ErrorCode.PAYLOAD_INVALID, detail);
  }
}
