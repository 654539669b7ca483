package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.presence.DevicePresence;
import bd.com.getit.realtime.domain.presence.OnlineUsers;
import bd.com.getit.realtime.domain.presence.Place;
import bd.com.getit.realtime.port.out.PresenceStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Device presence in Redis: a hash {@code USER_PRESENCE:{user}} per user with one field {@code
 * device:{sid}} (the device's status, current page, activity, location and last activity as JSON)
 * per connected device, {@code device_count}, and {@code last_seen} once the last device has left
 * (then the hash expires after the last-seen TTL); the set {@code ONLINE_USERS} lists the users
 * with a device. Changes are Lua scripts, so the count and the set follow the devices exactly.
 *
 * <p>The online counts are two hashes: {@code PRESENCE_PLACES} holds where each counted user is
 * counted ({@code <division>} or {@code <division>/<district>}), {@code PRESENCE_COUNTS} the
 * counters ({@code total}, {@code division:<name>}, {@code district:<division>/<district>}; a
 * counter that reaches zero is deleted). Moving a user is one script that takes them off their old
 * counters and onto the new ones, and the removal of a user's last device takes them off in the
 * same script, so the counts follow presence exactly and reading them is one {@code HGETALL} of a
 * hash with at most one field per place.
 */
final class RedisPresenceStore implements PresenceStore {
  private static final String DEVICE = "device:";
  private static final String PLACES = "PRESENCE_PLACES";
  private static final String COUNTS = "PRESENCE_COUNTS";
  private static final String DIVISION = "division:";
  private static final String DISTRICT = "district:";

  /**
   * Lua functions on the counts: {@code uncount(places, counts, user)} and {@code count(places,
   * counts, user, place)}; prefixed to the scripts that use them.
   */
  private static final String COUNTING =
      """
      local function bump(counts, field, by)
        if redis.call('HINCRBY', counts, field, by) <= 0 then
          redis.call('HDEL', counts, field)
        end
      end
      local function each(place, counts, by)
        bump(counts, 'total', by)
        local slash = string.find(place, '/', 1, true)
        if slash then
          bump(counts, 'division:' .. string.sub(place, 1, slash - 1), by)
          bump(counts, 'district:' .. place, by)
        else
          bump(counts, 'division:' .. place, by)
        end
      end
      local function uncount(places, counts, user)
        local old = redis.call('HGET', places, user)
        if old then
          redis.call('HDEL', places, user)
          each(old, counts, -1)
        end
      end
      local function count(places, counts, user, place)
        redis.call('HSET', places, user, place)
        each(place, counts, 1)
      end
      """;

  /** KEYS: places, counts, online users; ARGV: user, place ('' for none). */
  private static final String PLACE =
      COUNTING
          + """
          local place = ARGV[2]
          if place ~= '' and redis.call('SISMEMBER', KEYS[3], ARGV[1]) == 0 then
            place = ''
          end
          local old = redis.call('HGET', KEYS[1], ARGV[1])
          if (old or '') == place then
            return 0
          end
          uncount(KEYS[1], KEYS[2], ARGV[1])
          if place ~= '' then
            count(KEYS[1], KEYS[2], ARGV[1], place)
          end
          return 1
          """;

  private static final String PUT =
      """
      local k = KEYS[1]
      if redis.call('HSET', k, ARGV[1], ARGV[2]) == 1 then
        redis.call('HINCRBY', k, 'device_count', 1)
      end
      redis.call('HDEL', k, 'last_seen')
      redis.call('PERSIST', k)
      redis.call('SADD', KEYS[2], ARGV[3])
      return 1
      """;

  private static final String REMOVE =
      COUNTING
          + """
      local k = KEYS[1]
      if redis.call('HDEL', k, ARGV[1]) == 1 then
        if redis.call('HINCRBY', k, 'device_count', -1) <= 0 then
          redis.call('HDEL', k, 'device_count')
          redis.call('HSET', k, 'last_seen', ARGV[2])
          redis.call('PEXPIRE', k, ARGV[3])
          redis.call('SREM', KEYS[2], ARGV[4])
          uncount(KEYS[3], KEYS[4], ARGV[4])
        end
      end
      local out = {}
      local h = redis.call('HGETALL', k)
      for i = 1, #h, 2 do
        if string.sub(h[i], 1, 7) == 'device:' then table.insert(out, h[i + 1]) end
      end
      return out
      """;

  /** Pairs {@code user, device json} of every online user's devices. */
  private static final String ONLINE =
      """
      local out = {}
      for _, user in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        local h = redis.call('HGETALL', ARGV[1] .. user)
        for i = 1, #h, 2 do
          if string.sub(h[i], 1, 7) == 'device:' then
            table.insert(out, user)
            table.insert(out, h[i + 1])
          end
        end
      end
      return out
      """;

  private final Redis redis;
  private final Duration lastSeenTtl;

  RedisPresenceStore(Redis redis, Duration lastSeenTtl) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.lastSeenTtl = Objects.requireNonNull(lastSeenTtl, "lastSeenTtl");
  }

  private String key(UserId user) {
    return redis.key("USER_PRESENCE:" + user.value());
  }

  @Override
  public CompletionStage<Void> put(UserId user, DevicePresence device) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(device, "device");
    return redis
        .eval(
            PUT,
            List.of(key(user), redis.key("ONLINE_USERS")),
            List.of(DEVICE + device.connection().value(), Codec.device(device), user.value()))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<List<DevicePresence>> remove(
      UserId user, ConnectionId device, Instant lastSeen) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(device, "device");
    Objects.requireNonNull(lastSeen, "lastSeen");
    return redis
        .eval(
            REMOVE,
            List.of(key(user), redis.key("ONLINE_USERS"), redis.key(PLACES), redis.key(COUNTS)),
            List.of(
                DEVICE + device.value(),
                lastSeen.toString(),
                Long.toString(lastSeenTtl.toMillis()),
                user.value()))
        .thenApply(RedisPresenceStore::devices);
  }

  @Override
  public CompletionStage<List<DevicePresence>> devices(UserId user) {
    Objects.requireNonNull(user, "user");
    return redis.call(
        c -> {
          List<DevicePresence> out = new ArrayList<>();
          c.hgetAll(key(user))
              .forEach(
                  (field, json) -> {
                    if (field.startsWith(DEVICE)) {
                      out.add(Codec.device(json));
                    }
                  });
          return List.copyOf(out);
        });
  }

  @Override
  public CompletionStage<Optional<Instant>> lastSeen(UserId user) {
    Objects.requireNonNull(user, "user");
    return redis.call(c -> Optional.ofNullable(c.hget(key(user), "last_seen")).map(Instant::parse));
  }

  @Override
  public CompletionStage<Map<UserId, List<DevicePresence>>> online() {
    return redis
        .eval(ONLINE, List.of(redis.key("ONLINE_USERS")), List.of(redis.key("USER_PRESENCE:")))
        .thenApply(
            reply -> {
              List<Object> flat = Redis.rows(reply);
              Map<UserId, List<DevicePresence>> out = new HashMap<>();
              for (int i = 0; i + 1 < flat.size(); i += 2) {
                out.computeIfAbsent(UserId.of((String) flat.get(i)), u -> new ArrayList<>())
                    .add(Codec.device((String) flat.get(i + 1)));
              }
              Map<UserId, List<DevicePresence>> copy = new HashMap<>();
              out.forEach((u, d) -> copy.put(u, List.copyOf(d)));
              return Map.copyOf(copy);
            });
  }

  @Override
  public CompletionStage<Void> place(UserId user, Optional<Place> place) {
    Objects.requireNonNull(user, "user");
    Objects.requireNonNull(place, "place");
    String encoded = place.map(p -> p.districtKey().orElse(p.division())).orElse("");
    return redis
        .eval(
            PLACE,
            List.of(redis.key(PLACES), redis.key(COUNTS), redis.key("ONLINE_USERS")),
            List.of(user.value(), encoded))
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<OnlineUsers> counts() {
    return redis.call(
        c -> {
          Map<String, String> fields = c.hgetAll(redis.key(COUNTS));
          long total = 0;
          Map<String, Long> byDivision = new HashMap<>();
          Map<String, Long> byDistrict = new HashMap<>();
          for (Map.Entry<String, String> field : fields.entrySet()) {
            long n = Long.parseLong(field.getValue());
            String name = field.getKey();
            if (name.equals("total")) {
              total = n;
            } else if (name.startsWith(DIVISION)) {
              byDivision.put(name.substring(DIVISION.length()), n);
            } else if (name.startsWith(DISTRICT)) {
              byDistrict.put(name.substring(DISTRICT.length()), n);
            }
          }
          return new OnlineUsers(total, byDivision, byDistrict);
        });
  }

  private static List<DevicePresence> devices(Object reply) {
    return Redis.rows(reply).stream().map(o -> Codec.device((String) o)).toList();
  }
}
