package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.port.out.ConnectionRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;

/**
 * The cluster's live connections in Redis: a hash {@code SOCKET_USER:{sid}} per connection (user,
 * node, transport, address, connected_at, channels), and sets of socket ids by user ({@code
 * USER_CONNECTIONS:{user}}), by channel ({@code CHANNEL:{channel}}), by node ({@code
 * NODE_CONNECTIONS:{node}}) and of all ({@code CONNECTIONS}); {@code REALTIME_STATS} holds the
 * total. Each operation is one Lua script, so the hash and its sets change together, in one round
 * trip.
 */
final class RedisConnectionRegistry implements ConnectionRegistry {

  /** Removes one connection and its index entries; returns its row or nil. ARGV[1] = prefix. */
  private static final String REMOVE =
      """
      local P = ARGV[1]
      local function remove(sid)
        local k = P .. 'SOCKET_USER:' .. sid
        local h = redis.call('HMGET', k, 'user', 'node', 'transport', 'address', 'connected_at', 'channels')
        if not h[1] then return nil end
        redis.call('DEL', k)
        redis.call('SREM', P .. 'USER_CONNECTIONS:' .. h[1], sid)
        redis.call('SREM', P .. 'NODE_CONNECTIONS:' .. h[2], sid)
        redis.call('SREM', P .. 'CONNECTIONS', sid)
        for _, ch in ipairs(cjson.decode(h[6])) do
          redis.call('SREM', P .. 'CHANNEL:' .. ch, sid)
        end
        return {sid, h[1], h[2], h[3], h[4], h[5], h[6]}
      end
      local function stats()
        redis.call('HSET', P .. 'REALTIME_STATS', 'connections', redis.call('SCARD', P .. 'CONNECTIONS'))
      end
      """;

  private static final String REGISTER =
      REMOVE
          + """
          local sid = ARGV[2]
          remove(sid)
          redis.call('HSET', P .. 'SOCKET_USER:' .. sid, 'user', ARGV[3], 'node', ARGV[4],
            'transport', ARGV[5], 'address', ARGV[6], 'connected_at', ARGV[7], 'channels', ARGV[8])
          redis.call('SADD', P .. 'USER_CONNECTIONS:' .. ARGV[3], sid)
          redis.call('SADD', P .. 'NODE_CONNECTIONS:' .. ARGV[4], sid)
          redis.call('SADD', P .. 'CONNECTIONS', sid)
          for i = 9, #ARGV do redis.call('SADD', P .. 'CHANNEL:' .. ARGV[i], sid) end
          stats()
          return 1
          """;

  private static final String UNREGISTER =
      REMOVE
          + """
      local row = remove(ARGV[2])
      stats()
      return row
      """;

  private static final String UPDATE_CHANNELS =
      """
      local P = ARGV[1]
      local sid = ARGV[2]
      local k = P .. 'SOCKET_USER:' .. sid
      local old = redis.call('HGET', k, 'channels')
      if not old then return 0 end
      for _, ch in ipairs(cjson.decode(old)) do redis.call('SREM', P .. 'CHANNEL:' .. ch, sid) end
      redis.call('HSET', k, 'channels', ARGV[3])
      for i = 4, #ARGV do redis.call('SADD', P .. 'CHANNEL:' .. ARGV[i], sid) end
      return 1
      """;

  private static final String REMOVE_NODE =
      REMOVE
          + """
          local out = {}
          for _, sid in ipairs(redis.call('SMEMBERS', P .. 'NODE_CONNECTIONS:' .. ARGV[2])) do
            local row = remove(sid)
            if row then table.insert(out, row) end
          end
          redis.call('DEL', P .. 'NODE_CONNECTIONS:' .. ARGV[2])
          stats()
          return out
          """;

  /** Rows of the connections whose ids are members of the set KEYS[1]. */
  private static final String ROWS_OF_SET =
      """
      local P = ARGV[1]
      local out = {}
      for _, sid in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        local h = redis.call('HMGET', P .. 'SOCKET_USER:' .. sid, 'user', 'node', 'transport', 'address', 'connected_at', 'channels')
        if h[1] then table.insert(out, {sid, h[1], h[2], h[3], h[4], h[5], h[6]}) end
      end
      return out
      """;

  private final Redis redis;

  RedisConnectionRegistry(Redis redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public CompletionStage<Void> register(ConnectionInfo c) {
    Objects.requireNonNull(c, "connection");
    List<String> args = new ArrayList<>();
    args.add(redis.prefix());
    args.add(c.id().value());
    args.add(c.user().value());
    args.add(c.node().value());
    args.add(c.transport());
    args.add(c.clientAddress());
    args.add(c.connectedAt().toString());
    args.add(Codec.channels(c.channels()));
    c.channels().forEach(ch -> args.add(ch.toString()));
    return redis.eval(REGISTER, List.of(), args).thenApply(r -> null);
  }

  @Override
  public CompletionStage<Optional<ConnectionInfo>> unregister(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    return redis
        .eval(UNREGISTER, List.of(), List.of(redis.prefix(), connection.value()))
        .thenApply(r -> r == null ? Optional.empty() : Optional.of(info(Redis.rows(r))));
  }

  @Override
  public CompletionStage<Optional<ConnectionInfo>> find(ConnectionId connection) {
    Objects.requireNonNull(connection, "connection");
    String sid = connection.value();
    return redis
        .call(
            c ->
                c.hmget(
                    redis.key("SOCKET_USER:" + sid),
                    "user",
                    "node",
                    "transport",
                    "address",
                    "connected_at",
                    "channels"))
        .thenApply(
            h -> {
              if (h.get(0) == null) {
                return Optional.empty();
              }
              List<Object> row = new ArrayList<>();
              row.add(sid);
              row.addAll(h);
              return Optional.of(info(row));
            });
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> connectionsOf(UserId user) {
    Objects.requireNonNull(user, "user");
    return rowsOf(redis.key("USER_CONNECTIONS:" + user.value()));
  }

  @Override
  public CompletionStage<Void> updateChannels(ConnectionId connection, Set<ChannelName> channels) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(channels, "channels");
    List<String> args = new ArrayList<>();
    args.add(redis.prefix());
    args.add(connection.value());
    args.add(Codec.channels(channels));
    channels.forEach(ch -> args.add(ch.toString()));
    return redis.eval(UPDATE_CHANNELS, List.of(), args).thenApply(r -> null);
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> all() {
    return rowsOf(redis.key("CONNECTIONS"));
  }

  @Override
  public CompletionStage<List<ConnectionInfo>> removeNode(NodeId node) {
    Objects.requireNonNull(node, "node");
    return redis
        .eval(REMOVE_NODE, List.of(), List.of(redis.prefix(), node.value()))
        .thenApply(RedisConnectionRegistry::infos);
  }

  private CompletionStage<List<ConnectionInfo>> rowsOf(String setKey) {
    return redis
        .eval(ROWS_OF_SET, List.of(setKey), List.of(redis.prefix()))
        .thenApply(RedisConnectionRegistry::infos);
  }

  private static List<ConnectionInfo> infos(Object reply) {
    List<ConnectionInfo> out = new ArrayList<>();
    for (Object row : Redis.rows(reply)) {
      out.add(info(castRow(row)));
    }
    return List.copyOf(out);
  }

  @SuppressWarnings("unchecked")
  private static List<Object> castRow(Object row) {
    return (List<Object>) row;
  }

  /** A row {@code [sid, user, node, transport, address, connected_at, channels]}. */
  private static ConnectionInfo info(List<?> row) {
    return new ConnectionInfo(
        ConnectionId.of(Redis.text(row.get(0))),
        UserId.of(Redis.text(row.get(1))),
        NodeId.of(Redis.text(row.get(2))),
        Redis.text(row.get(3)),
        Redis.text(row.get(4)),
        Instant.parse(Redis.text(row.get(5))),
        Codec.channels(Redis.text(row.get(6))));
  }
}
