package bd.com.getit.realtime.domain;

import java.util.Objects;

/**
 * A channel name {@code <type>:<id>} with an id of 1 to 128 characters from {@code [A-Za-z0-9_.-]}.
 */
public record ChannelName(ChannelType type, String id) {
  private static final AsciiSyntax ID = AsciiSyntax.of("A-Za-z0-9_.-", 1, 128);

  /** The channel every connection joins for system announcements. */
  public static final ChannelName ANNOUNCEMENTS =
      new ChannelName(ChannelType.SYSTEM, "announcements");

  /** The channel that receives every presence change, for staff dashboards. */
  public static final ChannelName ADMIN_PRESENCE = new ChannelName(ChannelType.ADMIN, "presence");

  public ChannelName {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (!ID.matches(id)) {
      throw new RealtimeException(ErrorCode.CHANNEL_INVALID, "channel id must match " + ID);
    }
  }

  /**
   * Parses a wire name.
   *
   * @throws RealtimeException {@link ErrorCode#CHANNEL_INVALID} when malformed, {@link
   *     ErrorCode#CHANNEL_UNKNOWN} when the type is not one of PROTOCOL section 3
   */
  public static ChannelName parse(String name) {
    if (name == null || name.length() > 160) {
      throw new RealtimeException(ErrorCode.CHANNEL_INVALID, "channel name missing or too long");
    }
    int colon = name.indexOf(':');
    if (colon <= 0 || colon == name.length() - 1) {
      throw new RealtimeException(ErrorCode.CHANNEL_INVALID, "channel name is <type>:<id>");
    }
    ChannelType type =
        ChannelType.fromPrefix(name.substring(0, colon))
            .orElseThrow(
                () ->
                    new RealtimeException(
                        ErrorCode.CHANNEL_UNKNOWN,
                        "unknown channel type: " + name.substring(0, Math.min(colon, 32))));
    return new ChannelName(type, name.substring(colon + 1));
  }

  public static ChannelName user(UserId user) {
    return new ChannelName(ChannelType.USER, user.value());
  }

  public static ChannelName chat(RoomId room) {
    return new ChannelName(ChannelType.CHAT, room.value());
  }

  // Written out: see RoomId.equals; channel names are the subscription maps' keys.
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof ChannelName o && type == o.type && id.equals(o.id));
  }

  @Override
  public int hashCode() {
    return 31 * type.ordinal() + id.hashCode();
  }

  @Override
  public String toString() {
    return type.prefix() + ":" + id;
  }
}
