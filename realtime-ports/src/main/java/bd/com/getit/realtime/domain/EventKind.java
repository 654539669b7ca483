package bd.com.getit.realtime.domain;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What an event is, told by its name: the closed set of names the server emits itself, the
 * platform's names (PROTOCOL section 5) that the server gives a meaning to, and {@link #CUSTOM} for
 * every other name, which is delivered as it is. Routing decisions switch over the kind, never over
 * name strings, so that a name cannot take on a meaning by accident.
 *
 * <p>Names the server emits itself ({@link #serverEmitted()}) are refused on every ingest interface
 * (PROTOCOL 10.1): a client can trust what arrives under them.
 */
public enum EventKind {
  // Emitted by the server only.
  AUTHENTICATED("authenticated", true),
  ERROR("error", true),
  MESSAGE("message", true),
  TYPING("typing", true),
  READ_RECEIPT("read_receipt", true),
  PRESENCE_UPDATE("presence_update", true),
  OFFLINE_SYNC("offline_sync", true),
  ROOM_CLOSED("room_closed", true),
  NOTIFICATION_STATUS("notification_status", true),
  /** Accepted bids: only {@code place_bid} produces them, after the store's compare-and-set. */
  AUCTION_BID("auction_bid", true),
  // Socket.IO's own event names: a client treats them as its connection's life cycle.
  CONNECT("connect", true),
  CONNECT_ERROR("connect_error", true),
  DISCONNECT("disconnect", true),
  DISCONNECTING("disconnecting", true),

  // Platform names other services (and some of the server's use cases) publish.
  PRODUCT_PRICE_CHANGE("product_price_change", false),
  PRODUCT_STOCK_UPDATE("product_stock_update", false),
  NEW_PRODUCT_ADDED("new_product_added", false),
  ORDER_STATUS_UPDATE("order_status_update", false),
  PAYMENT_STATUS_UPDATE("payment_status_update", false),
  NOTIFICATION("notification", false),
  SYSTEM_ANNOUNCEMENT("system_announcement", false),
  AUCTION_CLOSED("auction_closed", false),

  /** Any other valid event name: no meaning to the server beyond delivery. */
  CUSTOM(null, false);

  private static final Map<String, EventKind> BY_NAME = new HashMap<>();

  static {
    for (EventKind kind : values()) {
      if (kind.wireName != null) {
        BY_NAME.put(kind.wireName, kind);
      }
    }
  }

  private final String wireName;
  private final boolean serverEmitted;

  EventKind(String wireName, boolean serverEmitted) {
    this.wireName = wireName;
    this.serverEmitted = serverEmitted;
  }

  /** The kind of an event called {@code name}; {@link #CUSTOM} for a name of no known kind. */
  public static EventKind of(String name) {
    EventKind kind = name == null ? null : BY_NAME.get(name);
    return kind == null ? CUSTOM : kind;
  }

  /**
   * The name events of this kind carry.
   *
   * @throws IllegalStateException for {@link #CUSTOM}, which has no single name
   */
  public String wireName() {
    if (wireName == null) {
      throw new IllegalStateException("custom events have no single name");
    }
    return wireName;
  }

  /** The kind's one name, empty for {@link #CUSTOM}. */
  public Optional<String> knownName() {
    return Optional.ofNullable(wireName);
  }

  /** Whether only the server emits events of this kind: nobody may publish one. */
  public boolean serverEmitted() {
    return serverEmitted;
  }
}
