package bd.com.getit.realtime.core.access;

import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.guest;
import static bd.com.getit.realtime.core.testing.Fixtures.vendor;
import static bd.com.getit.realtime.core.testing.Fixtures.withRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.TokenVerifier;
import bd.com.getit.realtime.testkit.MutableClock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChannelAccessPolicyTest {
  private final ChatRepository chats = mock(ChatRepository.class);
  private final TokenVerifier tokens = mock(TokenVerifier.class);
  private final ChannelAccessPolicy policy = new ChannelAccessPolicy(chats, tokens);

  @BeforeEach
  void room() {
    ChatRoom room =
        new ChatRoom(
            RoomId.of("r1"),
            RoomType.CUSTOMER_SUPPORT,
            RoomStatus.ACTIVE,
            UserId.of("u1"),
            JsonValue.JsonObject.EMPTY,
            List.of(
                new Participant(
                    UserId.of("u1"),
                    ParticipantRole.CUSTOMER,
                    MutableClock.DEFAULT_START,
                    Optional.empty())),
            MutableClock.DEFAULT_START);
    when(chats.findRoom(RoomId.of("r1")))
        .thenReturn(CompletableFuture.completedFuture(Optional.of(room)));
    when(chats.findRoom(RoomId.of("none")))
        .thenReturn(CompletableFuture.completedFuture(Optional.empty()));
    when(tokens.allowsSubscription("good", UserId.of("u1"), channel("order:o1"))).thenReturn(true);
  }

  private Optional<ErrorCode> check(Principal p, String ch) {
    return done(policy.check(p, channel(ch), Optional.empty()));
  }

  private static Principal principal(String who) {
    return switch (who) {
      case "u1" -> customer("u1");
      case "u2" -> customer("u2");
      case "guest" -> guest("g1");
      case "service" -> withRole("svc", Role.SERVICE);
      case "admin" -> withRole("adm", Role.ADMIN);
      case "agent" -> withRole("agent", Role.SUPPORT_AGENT);
      case "vendor" -> vendor("v-user", "v1");
      case "vendorless" -> withRole("v2-user", Role.VENDOR);
      default -> throw new IllegalArgumentException(who);
    };
  }

  @ParameterizedTest(name = "{0} joining {1}: {2}")
  @CsvSource({
    "u1, user:u1, true",
    "u2, user:u1, false",
    "service, user:u1, true",
    "admin, user:u1, true",
    "agent, user:u1, false",
    "guest, user:u1, false",
    "u1, product:p1, true",
    "guest, product:p1, true",
    "guest, auction:a1, true",
    "u1, auction:a1, true",
    "u1, chat:r1, true",
    "u2, chat:r1, false",
    "u1, chat:none, false",
    "agent, chat:r1, true",
    "admin, chat:none, true",
    "service, chat:r1, false",
    "guest, chat:r1, false",
    "u1, order:o1, false",
    "agent, order:o1, true",
    "admin, order:o1, true",
    "service, order:o1, false",
    "vendor, vendor:v1, true",
    "vendor, vendor:v2, false",
    "vendorless, vendor:v1, false",
    "admin, vendor:v1, true",
    "agent, vendor:v1, false",
    "admin, admin:presence, true",
    "agent, admin:presence, false",
    "service, admin:presence, false",
    "u1, system:announcements, true",
    "guest, system:announcements, true",
  })
  void followsTheAccessTable(String who, String ch, boolean allowed) {
    assertThat(check(principal(who), ch))
        .isEqualTo(allowed ? Optional.empty() : Optional.of(ErrorCode.FORBIDDEN));
  }

  @Test
  void aSubscriptionTokenOpensAnOrderChannel() {
    assertThat(done(policy.check(customer("u1"), channel("order:o1"), Optional.of("good"))))
        .isEmpty();
    assertThat(done(policy.check(customer("u1"), channel("order:o1"), Optional.of("bad"))))
        .contains(ErrorCode.FORBIDDEN);
  }

  @Test
  void aSubscriptionTokenOpensNothingElse() {
    when(tokens.allowsSubscription(any(), any(), any())).thenReturn(true);
    for (String ch : List.of("user:u2", "vendor:v1", "admin:presence", "chat:none")) {
      assertThat(done(policy.check(customer("u1"), channel(ch), Optional.of("good"))))
          .as(ch)
          .contains(ErrorCode.FORBIDDEN);
    }
  }

  @Test
  void guestsNeverReachTheStoresOrTokens() {
    assertThat(done(policy.check(guest("g1"), channel("order:o1"), Optional.of("good"))))
        .contains(ErrorCode.FORBIDDEN);
    assertThat(check(guest("g1"), "chat:r1")).contains(ErrorCode.FORBIDDEN);
    verifyNoInteractions(tokens);
  }

  @Test
  void guestsMayJoinPublicTypesOnly() {
    assertThat(ChannelAccessPolicy.isPublic(ChannelType.PRODUCT)).isTrue();
    assertThat(ChannelAccessPolicy.isPublic(ChannelType.AUCTION)).isTrue();
    assertThat(ChannelAccessPolicy.isPublic(ChannelType.SYSTEM)).isTrue();
    for (ChannelType t :
        List.of(
            ChannelType.USER,
            ChannelType.CHAT,
            ChannelType.ORDER,
            ChannelType.VENDOR,
            ChannelType.ADMIN)) {
      assertThat(ChannelAccessPolicy.isPublic(t)).as(t.name()).isFalse();
    }
  }

  @Test
  void aFailingStoreFailsTheCheck() {
    when(chats.findRoom(RoomId.of("broken")))
        .thenReturn(
            CompletableFuture.failedFuture(new RealtimeException(ErrorCode.INTERNAL, "down")));
    assertThat(code(policy.check(customer("u1"), channel("chat:broken"), Optional.empty())))
        .isEqualTo(ErrorCode.INTERNAL);
    when(chats.findRoom(RoomId.of("throws"))).thenThrow(new IllegalStateException("boom"));
    assertThat(
            policy
                .check(customer("u1"), channel("chat:throws"), Optional.empty())
                .toCompletableFuture()
                .isCompletedExceptionally())
        .isTrue();
  }
}
