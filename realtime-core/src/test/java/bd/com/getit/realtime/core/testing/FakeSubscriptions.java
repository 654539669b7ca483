package bd.com.getit.realtime.core.testing;

import bd.com.getit.realtime.core.Subscriptions;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** Subscriptions the test sets up by hand. */
public final class FakeSubscriptions implements Subscriptions {

  private final Map<ConnectionId, Principal> principals = new ConcurrentHashMap<>();
  private final Map<ConnectionId, Set<ChannelName>> channels = new ConcurrentHashMap<>();

  public void join(ConnectionId connection, Principal principal, ChannelName channel) {
    principals.put(connection, principal);
    channels.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet()).add(channel);
  }

  @Override
  public boolean isSubscribed(ConnectionId connection, ChannelName channel) {
    return channels.getOrDefault(connection, Set.of()).contains(channel);
  }

  @Override
  public Optional<Principal> principalOf(ConnectionId connection) {
    return Optional.ofNullable(principals.get(connection));
  }

  @Override
  public Set<ConnectionId> subscribers(ChannelName channel) {
    return channels.entrySet().stream()
        .filter(e -> e.getValue().contains(channel))
        .map(Map.Entry::getKey)
        .collect(Collectors.toSet());
  }
}
