package bd.com.getit.realtime.core.connection;

import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.access.ChannelAccessPolicy;
import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.port.in.ChannelUseCase;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Joining and leaving channels. A join request is rate limited once as a whole; then each channel
 * is parsed, checked against the access table and the per-connection channel limit, and refused
 * with its own code or joined (joining a joined channel counts as joined). Thread-safe.
 */
public final class ChannelService implements ChannelUseCase {
  private static final System.Logger LOG = System.getLogger(ChannelService.class.getName());

  private final LocalSessions sessions;
  private final ChannelAccessPolicy access;
  private final RateLimiter rateLimiter;
  private final ConnectionRegistry registry;
  private final int maxChannels;
  private final Function<ConnectionId, CompletionStage<Void>> channelsChanged;

  /** Without recovery sessions to keep up to date (see the other constructor). */
  public ChannelService(
      LocalSessions sessions,
      ChannelAccessPolicy access,
      RateLimiter rateLimiter,
      ConnectionRegistry registry,
      int maxChannels) {
    this(sessions, access, rateLimiter, registry, maxChannels, connection -> Stages.done());
  }

  /**
   * @param channelsChanged told after a join or leave changed a connection's channels (the
   *     connection service keeps its recovery session up to date); completes before the reply
   */
  public ChannelService(
      LocalSessions sessions,
      ChannelAccessPolicy access,
      RateLimiter rateLimiter,
      ConnectionRegistry registry,
      int maxChannels,
      Function<ConnectionId, CompletionStage<Void>> channelsChanged) {
    this.channelsChanged = Objects.requireNonNull(channelsChanged, "channelsChanged");
    this.sessions = Objects.requireNonNull(sessions, "sessions");
    this.access = Objects.requireNonNull(access, "access");
    this.rateLimiter = Objects.requireNonNull(rateLimiter, "rateLimiter");
    this.registry = Objects.requireNonNull(registry, "registry");
    if (maxChannels < 1) {
      throw new IllegalArgumentException("maxChannels >= 1");
    }
    this.maxChannels = maxChannels;
  }

  /** One requested channel on its way: parsed, or refused with a code. */
  private record Candidate(String raw, ChannelName channel, ErrorCode refusal) {}

  @Override
  public CompletionStage<JoinResult> join(JoinCommand command) {
    Objects.requireNonNull(command, "command");
    Optional<Principal> principal = sessions.principalOf(command.connection());
    if (principal.isEmpty()) {
      return Stages.failed(ErrorCode.NOT_FOUND, "no such connection here");
    }
    if (command.channels().size() > maxChannels) {
      return Stages.failed(
          ErrorCode.PAYLOAD_INVALID, "at most " + maxChannels + " channels per request");
    }
    return Stages.guard(() -> rateLimiter.check(principal.get(), RateLimiter.Action.JOIN_CHANNEL))
        .thenCompose(v -> checkAll(principal.get(), command))
        .thenCompose(candidates -> apply(command.connection(), candidates));
  }

  /** Access checks run side by side; the result keeps the request's order. */
  private CompletionStage<List<Candidate>> checkAll(Principal principal, JoinCommand command) {
    CompletionStage<List<Candidate>> all = Stages.completed(new ArrayList<>());
    for (String raw : new LinkedHashSet<>(command.channels())) {
      CompletionStage<Candidate> one = check(principal, raw, command);
      all =
          all.thenCombine(
              one,
              (list, candidate) -> {
                list.add(candidate);
                return list;
              });
    }
    return all;
  }

  private CompletionStage<Candidate> check(Principal principal, String raw, JoinCommand command) {
    ChannelName channel;
    try {
      channel = ChannelName.parse(raw);
    } catch (RealtimeException e) {
      return Stages.completed(new Candidate(String.valueOf(raw), null, e.code()));
    }
    Optional<String> token = Optional.ofNullable(command.tokens().get(raw));
    return Stages.guard(() -> access.check(principal, channel, token))
        .handle(
            (refusal, failure) -> {
              if (failure != null) {
                return new Candidate(raw, channel, RealtimeException.of(failure).code());
              }
              return new Candidate(raw, channel, refusal.orElse(null));
            });
  }

  private CompletionStage<JoinResult> apply(ConnectionId connection, List<Candidate> candidates) {
    List<ChannelName> joined = new ArrayList<>();
    List<Rejection> rejected = new ArrayList<>();
    boolean changed = false;
    for (Candidate c : candidates) {
      if (c.refusal() != null) {
        rejected.add(new Rejection(c.raw(), c.refusal()));
        continue;
      }
      switch (sessions.join(connection, c.channel(), maxChannels)) {
        case JOINED -> {
          joined.add(c.channel());
          changed = true;
        }
        case ALREADY_JOINED -> joined.add(c.channel());
        case LIMIT_REACHED -> rejected.add(new Rejection(c.raw(), ErrorCode.CHANNEL_LIMIT));
        case UNKNOWN_CONNECTION -> {
          return Stages.failed(ErrorCode.NOT_FOUND, "the connection went away");
        }
      }
    }
    JoinResult result = new JoinResult(joined, rejected);
    return changed ? updateRegistry(connection).thenApply(v -> result) : Stages.completed(result);
  }

  @Override
  public CompletionStage<List<ChannelName>> leave(LeaveCommand command) {
    Objects.requireNonNull(command, "command");
    if (sessions.principalOf(command.connection()).isEmpty()) {
      return Stages.failed(ErrorCode.NOT_FOUND, "no such connection here");
    }
    List<ChannelName> left = new ArrayList<>();
    for (String raw : new LinkedHashSet<>(command.channels())) {
      try {
        ChannelName channel = ChannelName.parse(raw);
        if (sessions.leave(command.connection(), channel)) {
          left.add(channel);
        }
      } catch (RealtimeException e) {
        // A malformed name was never joined: there is nothing to leave.
      }
    }
    return left.isEmpty()
        ? Stages.completed(List.of())
        : updateRegistry(command.connection()).thenApply(v -> List.copyOf(left));
  }

  /**
   * Takes every socket of {@code user} on this node out of {@code channel} (a participant left the
   * room): the local half of a {@link bd.com.getit.realtime.core.ChannelEviction}.
   */
  public CompletionStage<Void> evict(UserId user, ChannelName channel) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(channel, "channel");
    List<CompletableFuture<Void>> updates = new ArrayList<>();
    for (ConnectionId connection : List.copyOf(sessions.subscribers(channel))) {
      boolean theirs =
          sessions.principalOf(connection).map(p -> p.user().equals(user)).orElse(false);
      if (theirs && sessions.leave(connection, channel)) {
        updates.add(updateRegistry(connection).toCompletableFuture());
      }
    }
    return CompletableFuture.allOf(updates.toArray(CompletableFuture[]::new));
  }

  /** The cluster view follows the local truth; a failed update is logged, not fatal. */
  private CompletionStage<Void> updateRegistry(ConnectionId connection) {
    return Stages.guard(() -> registry.updateChannels(connection, sessions.channelsOf(connection)))
        .exceptionally(
            e -> {
              LOG.log(System.Logger.Level.WARNING, "could not update the registry's channels", e);
              return null;
            })
        .thenCompose(v -> channelsChanged.apply(connection));
  }
}
