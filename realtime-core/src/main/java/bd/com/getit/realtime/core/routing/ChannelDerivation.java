package bd.com.getit.realtime.core.routing;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.List;
import java.util.Objects;

/**
 * Derives the channel of an event that names none, by PROTOCOL section 8: {@code product_*} to
 * {@code product:{product_id}}; order and payment updates to {@code order:{order_id}} with {@code
 * user:{customer_id}} as recipient; {@code notification} to {@code user:{user_id}}; {@code
 * system_announcement} to {@code system:announcements}.
 */
public final class ChannelDerivation {

  /** Where a derived event goes: its channel and the user channels that also receive it. */
  public record Target(ChannelName channel, List<ChannelName> recipients) {
    public Target {
      Objects.requireNonNull(channel, "channel");
      recipients = List.copyOf(recipients);
    }
  }

  private ChannelDerivation() {}

  /**
   * @throws RealtimeException {@link ErrorCode#PAYLOAD_INVALID} when the event has no derivable
   *     channel or its data lacks the id the rule needs
   */
  public static Target derive(String event, JsonValue.JsonObject data) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(data, "data");
    return switch (EventKind.of(event)) {
      case ORDER_STATUS_UPDATE, PAYMENT_STATUS_UPDATE ->
          new Target(
              channel(ChannelType.ORDER, data, "order_id"),
              List.of(channel(ChannelType.USER, data, "customer_id")));
      case NOTIFICATION -> new Target(channel(ChannelType.USER, data, "user_id"), List.of());
      case SYSTEM_ANNOUNCEMENT -> new Target(ChannelName.ANNOUNCEMENTS, List.of());
      default -> {
        // The product rule is a name prefix: a service may add product_* events of its own.
        if (event.startsWith("product_")) {
          yield new Target(channel(ChannelType.PRODUCT, data, "product_id"), List.of());
        }
        throw new RealtimeException(
            ErrorCode.PAYLOAD_INVALID, "channel required: it cannot be derived for " + event);
      }
    };
  }

  private static ChannelName channel(ChannelType type, JsonValue.JsonObject data, String field) {
    String id =
        data.text(field)
            .orElseThrow(
                () ->
                    new RealtimeException(
                        ErrorCode.PAYLOAD_INVALID, "channel required: data." + field + " missing"));
    try {
      return new ChannelName(type, id);
    } catch (RealtimeException e) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "data." + field + " is no valid id");
    }
  }
}
