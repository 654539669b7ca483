package bd.com.getit.realtime.core.access;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Decides whether a principal may join a channel, by the table of PROTOCOL section 3. Guests may
 * join public channels only ({@code product}, {@code auction}, {@code system}). Thread-safe.
 */
public final class ChannelAccessPolicy {

  /** One row of the table: whether {@code who} may join {@code channel}. */
  @FunctionalInterface
  private interface Rule {
    CompletionStage<Boolean> allows(Principal who, ChannelName channel, Optional<String> token);
  }

  private static final CompletionStage<Optional<ErrorCode>> ALLOWED =
      CompletableFuture.completedFuture(Optional.<ErrorCode>empty()).minimalCompletionStage();
  private static final CompletionStage<Optional<ErrorCode>> REFUSED =
      CompletableFuture.completedFuture(Optional.of(ErrorCode.FORBIDDEN)).minimalCompletionStage();

  private final ChatRepository chats;
  private final TokenVerifier tokens;
  private final Map<ChannelType, Rule> table = new EnumMap<>(ChannelType.class);

  public ChannelAccessPolicy(ChatRepository chats, TokenVerifier tokens) {
    this.chats = Objects.requireNonNull(chats, "chats");
    this.tokens = Objects.requireNonNull(tokens, "tokens");
    // PROTOCOL section 3, row by row.
    table.put(
        ChannelType.USER, (p, c, t) -> now(isUser(p, c) || p.has(Role.SERVICE) || isAdmin(p)));
    table.put(ChannelType.PRODUCT, (p, c, t) -> now(true));
    table.put(ChannelType.AUCTION, (p, c, t) -> now(true));
    table.put(ChannelType.CHAT, (p, c, t) -> p.isStaff() ? now(true) : isParticipant(p, c));
    table.put(ChannelType.ORDER, (p, c, t) -> now(p.isStaff() || hasSubscriptionToken(p, c, t)));
    table.put(ChannelType.VENDOR, (p, c, t) -> now(ownsVendor(p, c) || isAdmin(p)));
    table.put(ChannelType.ADMIN, (p, c, t) -> now(isAdmin(p)));
    table.put(ChannelType.SYSTEM, (p, c, t) -> now(true));
  }

  /** Whether guests may join channels of this type. */
  public static boolean isPublic(ChannelType type) {
    return type == ChannelType.PRODUCT || type == ChannelType.AUCTION || type == ChannelType.SYSTEM;
  }

  /**
   * Completes with nothing when {@code principal} may join {@code channel}, with {@link
   * ErrorCode#FORBIDDEN} when not; fails only when a store fails.
   *
   * @param subscriptionToken the token the client sent for this channel, if any
   */
  public CompletionStage<Optional<ErrorCode>> check(
      Principal principal, ChannelName channel, Optional<String> subscriptionToken) {
    Objects.requireNonNull(principal, "principal");
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(subscriptionToken, "subscriptionToken");
    if (principal.isGuest() && !isPublic(channel.type())) {
      return REFUSED;
    }
    try {
      return table
          .get(channel.type())
          .allows(principal, channel, subscriptionToken)
          .thenCompose(allowed -> allowed ? ALLOWED : REFUSED);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private static CompletionStage<Boolean> now(boolean allowed) {
    return CompletableFuture.completedFuture(allowed);
  }

  private static boolean isAdmin(Principal p) {
    return p.has(Role.ADMIN);
  }

  private static boolean isUser(Principal p, ChannelName c) {
    return p.user().value().equals(c.id());
  }

  private static boolean ownsVendor(Principal p, ChannelName c) {
    return p.vendorId().filter(v -> v.value().equals(c.id())).isPresent();
  }

  private boolean hasSubscriptionToken(Principal p, ChannelName c, Optional<String> token) {
    return token.filter(t -> tokens.allowsSubscription(t, p.user(), c)).isPresent();
  }

  private CompletionStage<Boolean> isParticipant(Principal p, ChannelName c) {
    return chats
        .findRoom(RoomId.of(c.id()))
        .thenApply(room -> room.filter(r -> r.hasParticipant(p.user())).isPresent());
  }
}
