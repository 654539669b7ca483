package bd.com.getit.realtime.core.connection;

import static bd.com.getit.realtime.core.testing.Fixtures.channel;
import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.conn;
import static bd.com.getit.realtime.core.testing.Fixtures.customer;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static bd.com.getit.realtime.core.testing.Fixtures.info;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.memory.InMemoryConnectionRegistry;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.access.ChannelAccessPolicy;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.ChannelUseCase.JoinCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.JoinResult;
import bd.com.getit.realtime.port.in.ChannelUseCase.LeaveCommand;
import bd.com.getit.realtime.port.in.ChannelUseCase.Rejection;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import bd.com.getit.realtime.port.out.TokenVerifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ChannelServiceTest {
  private final LocalSessions sessions = new LocalSessions();
  private final ChatRepository chats = mock(ChatRepository.class);
  private final TokenVerifier tokens = mock(TokenVerifier.class);
  private final RateLimiter rateLimiter = mock(RateLimiter.class);
  private final InMemoryConnectionRegistry registry = new InMemoryConnectionRegistry();
  private final ChannelService service =
      new ChannelService(
          sessions, new ChannelAccessPolicy(chats, tokens), rateLimiter, registry, 4);

  @BeforeEach
  void setUp() {
    when(rateLimiter.check(any(), any())).thenReturn(CompletableFuture.completedFuture(null));
    sessions.add(customer("u1"), info("c1", "u1", "user:u1"));
    registry.register(info("c1", "u1", "user:u1"));
  }

  private JoinResult join(String... channels) {
    return done(service.join(new JoinCommand(conn("c1"), List.of(channels), Map.of())));
  }

  @Test
  void joinsAllowedChannelsAndUpdatesTheRegistry() {
    JoinResult r = join("product:1", "auction:a1");
    assertThat(r.joined()).containsExactly(channel("product:1"), channel("auction:a1"));
    assertThat(r.rejected()).isEmpty();
    assertThat(sessions.subscribers(channel("product:1"))).containsExactly(conn("c1"));
    assertThat(done(registry.find(conn("c1"))).orElseThrow().channels())
        .containsExactlyInAnyOrder(channel("user:u1"), channel("product:1"), channel("auction:a1"));
  }

  @Test
  void evictTakesEveryLocalSocketOfTheUserOutOfTheChannelAndNobodyElse() {
    sessions.add(customer("u1"), info("c1b", "u1", "user:u1", "chat:r1"));
    sessions.add(customer("u2"), info("c2", "u2", "user:u2", "chat:r1"));
    registry.register(info("c1b", "u1", "user:u1", "chat:r1"));
    join("product:9"); // c1 keeps its other channels
    sessions.join(conn("c1"), channel("chat:r1"), 4);

    done(service.evict(UserId.of("u1"), channel("chat:r1")));

    assertThat(sessions.subscribers(channel("chat:r1"))).containsExactly(conn("c2"));
    assertThat(sessions.isSubscribed(conn("c1"), channel("product:9"))).isTrue();
    assertThat(done(registry.find(conn("c1b"))).orElseThrow().channels())
        .containsExactly(channel("user:u1"));
    done(service.evict(UserId.of("u1"), channel("chat:r1"))); // twice is harmless
    assertThat(sessions.subscribers(channel("chat:r1"))).containsExactly(conn("c2"));
  }

  @Test
  void refusesEachBadChannelWithItsOwnCode() {
    JoinResult r = join("product:1", "bogus", "planet:1", "user:u2");
    assertThat(r.joined()).containsExactly(channel("product:1"));
    assertThat(r.rejected())
        .containsExactly(
            new Rejection("bogus", ErrorCode.CHANNEL_INVALID),
            new Rejection("planet:1", ErrorCode.CHANNEL_UNKNOWN),
            new Rejection("user:u2", ErrorCode.FORBIDDEN));
    assertThat(join("product:a b").rejected())
        .containsExactly(new Rejection("product:a b", ErrorCode.CHANNEL_INVALID));
    assertThat(sessions.isSubscribed(conn("c1"), channel("user:u2"))).isFalse();
  }

  @Test
  void refusesPastTheChannelLimit() {
    JoinResult r = join("product:1", "product:2", "product:3", "product:4");
    assertThat(r.joined())
        .containsExactly(channel("product:1"), channel("product:2"), channel("product:3"));
    assertThat(r.rejected()).containsExactly(new Rejection("product:4", ErrorCode.CHANNEL_LIMIT));
  }

  @Test
  void joiningAJoinedChannelCountsAsJoinedWithoutARegistryWrite() {
    ConnectionRegistry reg = mock(ConnectionRegistry.class);
    ChannelService s =
        new ChannelService(sessions, new ChannelAccessPolicy(chats, tokens), rateLimiter, reg, 4);
    JoinResult r = done(s.join(new JoinCommand(conn("c1"), List.of("user:u1"), Map.of())));
    assertThat(r.joined()).containsExactly(channel("user:u1"));
    assertThat(r.rejected()).isEmpty();
    verify(reg, never()).updateChannels(any(), any());
  }

  @Test
  void aRepeatedNameInOneRequestIsHandledOnce() {
    JoinResult r = join("product:1", "product:1");
    assertThat(r.joined()).containsExactly(channel("product:1"));
  }

  @Test
  void theSubscriptionTokenForTheChannelIsUsed() {
    when(tokens.allowsSubscription("tok", UserId.of("u1"), channel("order:o1"))).thenReturn(true);
    JoinResult r =
        done(
            service.join(
                new JoinCommand(
                    conn("c1"), List.of("order:o1", "order:o2"), Map.of("order:o1", "tok"))));
    assertThat(r.joined()).containsExactly(channel("order:o1"));
    assertThat(r.rejected()).containsExactly(new Rejection("order:o2", ErrorCode.FORBIDDEN));
  }

  @Test
  void theRateLimitRefusesTheWholeRequestChecksOnce() {
    when(rateLimiter.check(customer("u1"), RateLimiter.Action.JOIN_CHANNEL))
        .thenReturn(
            CompletableFuture.failedFuture(
                new RealtimeException(ErrorCode.RATE_LIMITED, "slow", 5)));
    assertThat(code(service.join(new JoinCommand(conn("c1"), List.of("product:1"), Map.of()))))
        .isEqualTo(ErrorCode.RATE_LIMITED);
    assertThat(sessions.isSubscribed(conn("c1"), channel("product:1"))).isFalse();
    verify(rateLimiter, times(1)).check(any(), any());
  }

  @Test
  void aThrowingRateLimiterFailsTheStageInsteadOfThrowing() {
    when(rateLimiter.check(any(), any())).thenThrow(new IllegalStateException("bug"));
    assertThat(
            service
                .join(new JoinCommand(conn("c1"), List.of("product:1"), Map.of()))
                .toCompletableFuture())
        .isCompletedExceptionally();
  }

  @Test
  void aRequestOfManyChannelsIsRateLimitedOnce() {
    join("product:1", "product:2");
    verify(rateLimiter, times(1)).check(customer("u1"), RateLimiter.Action.JOIN_CHANNEL);
  }

  @Test
  void anUnknownConnectionIsNotFound() {
    assertThat(code(service.join(new JoinCommand(conn("x"), List.of("product:1"), Map.of()))))
        .isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(code(service.leave(new LeaveCommand(conn("x"), List.of("product:1")))))
        .isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void tooManyChannelsInOneRequestIsMalformed() {
    assertThat(
            code(
                service.join(
                    new JoinCommand(
                        conn("c1"),
                        List.of("product:1", "product:2", "product:3", "product:4", "product:5"),
                        Map.of()))))
        .isEqualTo(ErrorCode.PAYLOAD_INVALID);
  }

  @Test
  void aFailingAccessCheckRejectsThatChannelOnly() {
    when(chats.findRoom(any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("db down")));
    JoinResult r = join("chat:r1", "product:1");
    assertThat(r.rejected()).containsExactly(new Rejection("chat:r1", ErrorCode.INTERNAL));
    assertThat(r.joined()).containsExactly(channel("product:1"));
  }

  @Test
  void aFailingRegistryUpdateDoesNotFailTheJoin() {
    ConnectionRegistry reg = mock(ConnectionRegistry.class);
    when(reg.updateChannels(any(), any()))
        .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("redis down")));
    ChannelService s =
        new ChannelService(sessions, new ChannelAccessPolicy(chats, tokens), rateLimiter, reg, 4);
    JoinResult r = done(s.join(new JoinCommand(conn("c1"), List.of("product:1"), Map.of())));
    assertThat(r.joined()).containsExactly(channel("product:1"));
    verify(reg).updateChannels(conn("c1"), Set.of(channel("user:u1"), channel("product:1")));
  }

  @Test
  void aConnectionThatWentAwayMidJoinIsNotFound() {
    CompletableFuture<Void> slow = new CompletableFuture<>();
    when(rateLimiter.check(any(), any())).thenReturn(slow);
    var stage = service.join(new JoinCommand(conn("c1"), List.of("product:1"), Map.of()));
    sessions.remove(conn("c1"));
    slow.complete(null);
    assertThat(code(stage)).isEqualTo(ErrorCode.NOT_FOUND);
  }

  @Test
  void leaveReturnsTheChannelsLeft() {
    join("product:1", "product:2");
    List<ChannelName> left =
        done(
            service.leave(
                new LeaveCommand(
                    conn("c1"), List.of("product:1", "product:9", "bogus", "product:1"))));
    assertThat(left).containsExactly(channel("product:1"));
    assertThat(sessions.isSubscribed(conn("c1"), channel("product:1"))).isFalse();
    assertThat(done(registry.find(conn("c1"))).orElseThrow().channels())
        .containsExactlyInAnyOrder(channel("user:u1"), channel("product:2"));
  }

  @Test
  void leavingNothingWritesNothing() {
    ConnectionRegistry reg = mock(ConnectionRegistry.class);
    ChannelService s =
        new ChannelService(sessions, new ChannelAccessPolicy(chats, tokens), rateLimiter, reg, 4);
    assertThat(done(s.leave(new LeaveCommand(conn("c1"), List.of("product:9"))))).isEmpty();
    verify(reg, never()).updateChannels(any(), any());
  }

  @Test
  void rejectsAZeroLimit() {
    assertThatThrownBy(
            () ->
                new ChannelService(
                    sessions, new ChannelAccessPolicy(chats, tokens), rateLimiter, registry, 0))
        .isInstanceOf(IllegalArgumentException.class);
    ChannelService one =
        new ChannelService(
            sessions, new ChannelAccessPolicy(chats, tokens), rateLimiter, registry, 1);
    assertThat(
            done(one.join(new JoinCommand(conn("c1"), List.of("product:1"), Map.of()))).rejected())
        .containsExactly(new Rejection("product:1", ErrorCode.CHANNEL_LIMIT));
  }

  @Test
  void leavesOwnUserChannelToo() {
    assertThat(done(service.leave(new LeaveCommand(conn("c1"), List.of("user:u1")))))
        .containsExactly(channel("user:u1"));
    assertThat(done(registry.find(conn("c1"))).orElseThrow().channels()).isEmpty();
  }
}
