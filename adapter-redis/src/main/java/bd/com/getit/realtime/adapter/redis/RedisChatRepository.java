package bd.com.getit.realtime.adapter.redis;

import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.ClientMessageId;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.HistoryQuery;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.RoomListQuery;
import bd.com.getit.realtime.domain.chat.RoomPage;
import bd.com.getit.realtime.domain.chat.RoomSummary;
import bd.com.getit.realtime.domain.chat.SentMessage;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Chat rooms and a bounded recent history in Redis, shared by every node:
 *
 * <ul>
 *   <li>{@code CHAT_ROOM:{room}}: the room as JSON (participants and their read marks included);
 *   <li>{@code CHAT_ROOM_MEMBERS:{room}}: a set of its participants' ids, so a save can take the
 *       room out of the sets of users who left;
 *   <li>{@code CHAT_READ:{room}}: a hash of each participant's read mark, which only moves forward,
 *       so two participants marking read at once on two nodes (each saving the room it read) keep
 *       both marks;
 *   <li>{@code USER_ROOMS:{user}}: a set of the ids of the user's rooms;
 *   <li>{@code CHAT_HISTORY:{room}}: a sorted set of {@link TimeKey} members, time then id;
 *   <li>{@code CHAT_MESSAGE:{message}}: the message as JSON;
 *   <li>{@code CHAT_CLIENT_MSG:{room}|{sender}|{client_msg_id}}: the first message sent with that
 *       client id ({@code <time key>|<timestamp>|<message id>}), for the client id window.
 * </ul>
 *
 * <p>The room listing reads every room of the user (at most {@link #MAX_ROOMS_PER_USER}) with its
 * newest message, sorts them here and counts unread messages for the page's rooms only, walking
 * each room's history after the reader's mark (bounded by the history cap).
 *
 * <p>Bounds: a room keeps its newest {@code maxMessagesPerRoom} messages (the oldest are removed
 * with their keys); a message lives {@code ttl} after its timestamp; a room and its member sets
 * live {@code ttl} after the room's last save or message (renewed at most once a minute per room).
 *
 * <p>Each write is one Lua script, so it is atomic: {@link #append} stores a message once ({@code
 * SET NX} on its key) however many nodes retry it at once; {@link #saveRoom} replaces the room and
 * moves its membership in one step. The scripts build key names from arguments, so they need one
 * Redis (or a primary), not Redis Cluster. Calls run on the adapter's pool; stages complete there.
 */
final class RedisChatRepository implements ChatRepository {
  /**
   * At most this many rooms are listed for one user, as with MongoDB (which ones is unspecified):
   * the core reads them on every presence change.
   */
  static final int MAX_ROOMS_PER_USER = 1_000;

  /** A room's lifetime is renewed by a message only when it has run down by more than this. */
  static final Duration RENEW_SLACK = Duration.ofMinutes(1);

  private static final String SAVE_ROOM =
      """
      local rooms_of = ARGV[3]
      local stays = {}
      for i = 5, #ARGV, 2 do stays[ARGV[i]] = true end
      for _, u in ipairs(redis.call('SMEMBERS', KEYS[2])) do
        redis.call('SREM', rooms_of .. u, ARGV[4])
        if not stays[u] then redis.call('HDEL', KEYS[3], u) end
      end
      redis.call('DEL', KEYS[2])
      redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
      for i = 5, #ARGV, 2 do
        local u = ARGV[i]
        redis.call('SADD', KEYS[2], u)
        redis.call('SADD', rooms_of .. u, ARGV[4])
        redis.call('PEXPIRE', rooms_of .. u, ARGV[2])
        local mark = ARGV[i + 1]
        if mark ~= '' then
          local held = redis.call('HGET', KEYS[3], u)
          if not held or held < mark then redis.call('HSET', KEYS[3], u, mark) end
        end
      end
      if #ARGV >= 5 then redis.call('PEXPIRE', KEYS[2], ARGV[2]) end
      redis.call('PEXPIRE', KEYS[3], ARGV[2])
      return 1
      """;

  private static final String FIND_ROOM =
      """
      local room = redis.call('GET', KEYS[1])
      if not room then return {} end
      return {room, redis.call('HGETALL', KEYS[2])}
      """;

  private static final String ROOMS_OF =
      """
      local out = {}
      local max = tonumber(ARGV[3])
      for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        local room = redis.call('GET', ARGV[1] .. id)
        if room then
          table.insert(out, {room, redis.call('HGETALL', ARGV[2] .. id)})
        else
          redis.call('SREM', KEYS[1], id)
        end
        if #out >= max then break end
      end
      return out
      """;

  private static final String APPEND_BODY =
      """
      if not redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[3]) then return 0 end
      redis.call('ZADD', KEYS[2], 0, ARGV[2])
      redis.call('ZREMRANGEBYLEX', KEYS[2], '-', ARGV[5])
      local over = redis.call('ZCARD', KEYS[2]) - tonumber(ARGV[4])
      if over > 0 then
        for _, m in ipairs(redis.call('ZRANGE', KEYS[2], 0, over - 1)) do
          redis.call('DEL', ARGV[7] .. string.sub(m, tonumber(ARGV[10])))
        end
        redis.call('ZREMRANGEBYRANK', KEYS[2], 0, over - 1)
      end
      local ttl = tonumber(ARGV[6])
      redis.call('PEXPIRE', KEYS[2], ttl)
      local left = redis.call('PTTL', KEYS[3])
      if left >= 0 and left < ttl - tonumber(ARGV[9]) then
        redis.call('PEXPIRE', KEYS[3], ttl)
        redis.call('PEXPIRE', KEYS[4], ttl)
        redis.call('PEXPIRE', ARGV[11], ttl)
        for _, u in ipairs(redis.call('SMEMBERS', KEYS[4])) do
          redis.call('PEXPIRE', ARGV[8] .. u, ttl)
        end
      end
      return 1
      """;

  private static final String APPEND = APPEND_BODY;

  private static final String HISTORY =
      """
      local out = {}
      local members = redis.call('ZREVRANGEBYLEX', KEYS[1], ARGV[1], ARGV[2],
        'LIMIT', ARGV[3], ARGV[4])
      for _, m in ipairs(members) do
        local message = redis.call('GET', ARGV[5] .. string.sub(m, tonumber(ARGV[6])))
        if message then table.insert(out, message) end
      end
      return out
      """;

  private static final String ROOM_LIST =
      """
      local out = {}
      local max = tonumber(ARGV[5])
      for _, id in ipairs(redis.call('SMEMBERS', KEYS[1])) do
        local room = redis.call('GET', ARGV[1] .. id)
        if room then
          local newest = redis.call('ZREVRANGEBYLEX', ARGV[3] .. id, '+', ARGV[6], 'LIMIT', 0, 1)
          local last = false
          if newest[1] then
            last = redis.call('GET', ARGV[4] .. string.sub(newest[1], tonumber(ARGV[7])))
          end
          table.insert(out, {room, redis.call('HGETALL', ARGV[2] .. id), last or ''})
        end
        if #out >= max then break end
      end
      return out
      """;

  private static final String UNREAD =
      """
      local out = {}
      for i, history in ipairs(KEYS) do
        local n = 0
        for _, m in ipairs(redis.call('ZRANGEBYLEX', history, ARGV[3 + i], '+')) do
          local json = redis.call('GET', ARGV[1] .. string.sub(m, tonumber(ARGV[3])))
          if json and cjson.decode(json).sender ~= ARGV[2] then n = n + 1 end
        end
        table.insert(out, n)
      end
      return out
      """;

  /**
   * {@link #APPEND} behind a look at the client id's key: a first send within the window is
   * returned as it is held; else the message is appended and the key written with it, atomically.
   */
  private static final String APPEND_ONCE =
      """
      local held = redis.call('GET', KEYS[5])
      if held and held > ARGV[12] then return held end
      """
          + APPEND_BODY.replace(
              "return 1\n", "redis.call('SET', KEYS[5], ARGV[13], 'PX', ARGV[14])\nreturn 1\n");

  private static final Comparator<RoomSummary> LATEST_FIRST =
      Comparator.comparing(RoomSummary::lastActivity)
          .thenComparing(r -> r.room().id().value())
          .reversed();

  private final Redis redis;
  private final Clock clock;
  private final int maxMessagesPerRoom;
  private final Duration ttl;

  RedisChatRepository(Redis redis, Clock clock, int maxMessagesPerRoom, Duration ttl) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (maxMessagesPerRoom < 1) {
      throw new IllegalArgumentException("maxMessagesPerRoom >= 1");
    }
    if (ttl.compareTo(RENEW_SLACK.multipliedBy(2)) < 0) {
      throw new IllegalArgumentException("ttl is at least " + RENEW_SLACK.multipliedBy(2));
    }
    this.maxMessagesPerRoom = maxMessagesPerRoom;
  }

  private String roomKey(RoomId room) {
    return redis.key("CHAT_ROOM:" + room.value());
  }

  private String membersKey(RoomId room) {
    return redis.key("CHAT_ROOM_MEMBERS:" + room.value());
  }

  private String readsKey(RoomId room) {
    return redis.key("CHAT_READ:" + room.value());
  }

  private String historyKey(RoomId room) {
    return redis.key("CHAT_HISTORY:" + room.value());
  }

  private String messageKey(MessageId message) {
    return redis.key("CHAT_MESSAGE:" + message.value());
  }

  @Override
  public CompletionStage<Void> saveRoom(ChatRoom room) {
    Objects.requireNonNull(room, "room");
    List<String> args = new ArrayList<>();
    args.add(RecordCodec.room(room));
    args.add(Long.toString(ttl.toMillis()));
    args.add(redis.key("USER_ROOMS:"));
    args.add(room.id().value());
    for (Participant p : room.participants()) {
      args.add(p.user().value());
      args.add(p.lastReadAt().map(RedisChatRepository::mark).orElse(""));
    }
    return redis
        .eval(
            SAVE_ROOM,
            List.of(roomKey(room.id()), membersKey(room.id()), readsKey(room.id())),
            args)
        .thenApply(r -> null);
  }

  @Override
  public CompletionStage<Optional<ChatRoom>> findRoom(RoomId room) {
    Objects.requireNonNull(room, "room");
    return redis
        .eval(FIND_ROOM, List.of(roomKey(room), readsKey(room)), List.of())
        .thenApply(
            reply -> {
              List<Object> found = Redis.rows(reply);
              return found.isEmpty() ? Optional.empty() : Optional.of(withMarks(found));
            });
  }

  @Override
  public CompletionStage<List<ChatRoom>> roomsOf(UserId user) {
    Objects.requireNonNull(user, "user");
    return redis
        .eval(
            ROOMS_OF,
            List.of(redis.key("USER_ROOMS:" + user.value())),
            List.of(
                redis.key("CHAT_ROOM:"),
                redis.key("CHAT_READ:"),
                Integer.toString(MAX_ROOMS_PER_USER)))
        .thenApply(
            reply ->
                Redis.rows(reply).stream()
                    .map(o -> withMarks((List<?>) o))
                    .filter(r -> r.hasParticipant(user))
                    .toList());
  }

  /** A read mark as the hash holds it: fixed-width time first, so marks compare as strings. */
  private static String mark(Instant at) {
    return TimeKey.time(at) + "|" + at;
  }

  /**
   * The room of a {@code [json, [user, mark, ...]]} reply, each participant's read mark the later
   * of the room's and the hash's: a save based on a room read before another participant's mark
   * moved never moves that mark back.
   */
  private static ChatRoom withMarks(List<?> reply) {
    ChatRoom room = RecordCodec.room((String) reply.get(0));
    List<?> fields = (List<?>) reply.get(1);
    Map<String, Instant> marks = new HashMap<>();
    for (int i = 0; i + 1 < fields.size(); i += 2) {
      String held = (String) fields.get(i + 1);
      marks.put((String) fields.get(i), Instant.parse(held.substring(held.indexOf('|') + 1)));
    }
    if (marks.isEmpty()) {
      return room;
    }
    List<Participant> participants =
        room.participants().stream()
            .map(
                p ->
                    marks.containsKey(p.user().value())
                        ? p.readUpTo(marks.get(p.user().value()))
                        : p)
            .toList();
    return new ChatRoom(
        room.id(),
        room.type(),
        room.status(),
        room.createdBy(),
        room.metadata(),
        participants,
        room.createdAt());
  }

  @Override
  public CompletionStage<Boolean> append(ChatMessage message) {
    Objects.requireNonNull(message, "message");
    Instant now = clock.now();
    // Relative to this clock, not Redis's, so the lifetime follows the time the core works in. The
    // key outlives its history entry by at most a millisecond.
    long lifeMillis =
        Math.max(1, Duration.between(now, message.timestamp().plus(ttl)).toMillis() + 1);
    return redis
        .eval(
            APPEND,
            List.of(
                messageKey(message.id()),
                historyKey(message.room()),
                roomKey(message.room()),
                membersKey(message.room())),
            List.of(
                RecordCodec.message(message),
                TimeKey.member(message.timestamp(), message.id().value()),
                Long.toString(lifeMillis),
                Integer.toString(maxMessagesPerRoom),
                TimeKey.before(now.minus(ttl)),
                Long.toString(ttl.toMillis()),
                redis.key("CHAT_MESSAGE:"),
                redis.key("USER_ROOMS:"),
                Long.toString(RENEW_SLACK.toMillis()),
                Integer.toString(TimeKey.ID_OFFSET + 1),
                readsKey(message.room())))
        .thenApply(reply -> ((Number) reply).longValue() == 1L);
  }

  @Override
  public CompletionStage<RoomPage> roomPage(RoomListQuery query) {
    Objects.requireNonNull(query, "query");
    Instant oldest = clock.now().minus(ttl);
    return redis
        .eval(
            ROOM_LIST,
            List.of(redis.key("USER_ROOMS:" + query.participant().value())),
            List.of(
                redis.key("CHAT_ROOM:"),
                redis.key("CHAT_READ:"),
                redis.key("CHAT_HISTORY:"),
                redis.key("CHAT_MESSAGE:"),
                Integer.toString(MAX_ROOMS_PER_USER),
                TimeKey.atOrAfter(oldest),
                Integer.toString(TimeKey.ID_OFFSET + 1)))
        .thenCompose(
            reply -> {
              List<RoomSummary> listed = new ArrayList<>();
              for (Object row : Redis.rows(reply)) {
                List<?> fields = (List<?>) row;
                ChatRoom room = withMarks(fields);
                String last = (String) fields.get(2);
                Optional<ChatMessage> lastMessage =
                    last.isEmpty() ? Optional.empty() : Optional.of(RecordCodec.message(last));
                Instant activity = lastMessage.map(ChatMessage::timestamp).orElse(room.createdAt());
                if (room.hasParticipant(query.participant())
                    && query.admits(room.status(), activity)) {
                  listed.add(new RoomSummary(room, activity, lastMessage, 0));
                }
              }
              listed.sort(LATEST_FIRST);
              boolean hasMore = listed.size() > query.limit();
              List<RoomSummary> page = listed.subList(0, Math.min(query.limit(), listed.size()));
              return unread(page, query, oldest).thenApply(p -> new RoomPage(p, hasMore));
            });
  }

  /** The page's rooms with the reader's unread counts, in one script. */
  private CompletionStage<List<RoomSummary>> unread(
      List<RoomSummary> page, RoomListQuery query, Instant oldest) {
    if (page.isEmpty()) {
      return java.util.concurrent.CompletableFuture.completedFuture(List.of());
    }
    List<String> keys = new ArrayList<>();
    List<String> args = new ArrayList<>();
    args.add(redis.key("CHAT_MESSAGE:"));
    args.add(query.participant().value());
    args.add(Integer.toString(TimeKey.ID_OFFSET + 1));
    for (RoomSummary r : page) {
      keys.add(historyKey(r.room().id()));
      Optional<Instant> mark =
          r.room().participant(query.participant()).flatMap(Participant::lastReadAt);
      // ';' sorts after the ':' that ends every member's time: strictly after the mark.
      args.add(
          mark.filter(m -> !m.isBefore(oldest))
              .map(m -> "(" + TimeKey.time(m) + ";")
              .orElse(TimeKey.atOrAfter(oldest)));
    }
    return redis
        .eval(UNREAD, keys, args)
        .thenApply(
            reply -> {
              List<Object> counts = Redis.rows(reply);
              List<RoomSummary> out = new ArrayList<>(page.size());
              for (int i = 0; i < page.size(); i++) {
                RoomSummary r = page.get(i);
                out.add(
                    new RoomSummary(
                        r.room(),
                        r.lastActivity(),
                        r.lastMessage(),
                        Long.parseLong((String) counts.get(i))));
              }
              return out;
            });
  }

  @Override
  public CompletionStage<Optional<SentMessage>> appendOnce(
      ChatMessage message, ClientMessageId clientId, Duration window) {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(clientId, "clientId");
    Objects.requireNonNull(window, "window");
    Instant now = clock.now();
    long lifeMillis =
        Math.max(1, Duration.between(now, message.timestamp().plus(ttl)).toMillis() + 1);
    long keyMillis =
        Math.max(1, Duration.between(now, message.timestamp().plus(window)).toMillis() + 1);
    // '~' sorts after every character of a held value's second part: held > this means the held
    // send's time is later than the cutoff.
    String cutoff = TimeKey.time(message.timestamp().minus(window)) + "|~";
    return redis
        .eval(
            APPEND_ONCE,
            List.of(
                messageKey(message.id()),
                historyKey(message.room()),
                roomKey(message.room()),
                membersKey(message.room()),
                clientKey(message.room(), message.sender(), clientId)),
            List.of(
                RecordCodec.message(message),
                TimeKey.member(message.timestamp(), message.id().value()),
                Long.toString(lifeMillis),
                Integer.toString(maxMessagesPerRoom),
                TimeKey.before(now.minus(ttl)),
                Long.toString(ttl.toMillis()),
                redis.key("CHAT_MESSAGE:"),
                redis.key("USER_ROOMS:"),
                Long.toString(RENEW_SLACK.toMillis()),
                Integer.toString(TimeKey.ID_OFFSET + 1),
                readsKey(message.room()),
                cutoff,
                held(new SentMessage(message.id(), message.timestamp())),
                Long.toString(keyMillis)))
        .thenApply(
            reply -> {
              if (reply instanceof String first) {
                return Optional.of(sent(first));
              }
              return ((Number) reply).longValue() == 1L
                  ? Optional.<SentMessage>empty()
                  : Optional.of(new SentMessage(message.id(), message.timestamp()));
            });
  }

  @Override
  public CompletionStage<Optional<SentMessage>> findSent(
      RoomId room, UserId sender, ClientMessageId clientId, Instant after) {
    Objects.requireNonNull(after, "after");
    String key = clientKey(room, sender, clientId);
    return redis
        .call(c -> c.get(key))
        .thenApply(
            held ->
                Optional.ofNullable(held)
                    .map(RedisChatRepository::sent)
                    .filter(s -> s.timestamp().isAfter(after)));
  }

  private String clientKey(RoomId room, UserId sender, ClientMessageId clientId) {
    // '|' is in none of the three ids: the key is unambiguous.
    return redis.key(
        "CHAT_CLIENT_MSG:" + room.value() + "|" + sender.value() + "|" + clientId.value());
  }

  /** A first send as its key holds it: the time key first, so that values compare by time. */
  private static String held(SentMessage sent) {
    return TimeKey.time(sent.timestamp()) + "|" + sent.timestamp() + "|" + sent.id().value();
  }

  private static SentMessage sent(String held) {
    String[] parts = held.split("\\|", 3);
    return new SentMessage(MessageId.of(parts[2]), Instant.parse(parts[1]));
  }

  @Override
  public CompletionStage<Optional<ChatMessage>> findMessage(MessageId message) {
    Objects.requireNonNull(message, "message");
    return redis
        .call(c -> c.get(messageKey(message)))
        .thenApply(json -> Optional.ofNullable(json).map(RecordCodec::message));
  }

  @Override
  public CompletionStage<HistoryPage> history(HistoryQuery query) {
    Objects.requireNonNull(query, "query");
    String newest = query.before().map(TimeKey::before).orElse("+");
    String oldest = TimeKey.atOrAfter(clock.now().minus(ttl));
    return redis
        .eval(
            HISTORY,
            List.of(historyKey(query.room())),
            List.of(
                newest,
                oldest,
                Integer.toString(query.offset()),
                Integer.toString(query.limit() + 1),
                redis.key("CHAT_MESSAGE:"),
                Integer.toString(TimeKey.ID_OFFSET + 1)))
        .thenApply(
            reply -> {
              List<ChatMessage> messages =
                  Redis.rows(reply).stream().map(o -> RecordCodec.message((String) o)).toList();
              boolean hasMore = messages.size() > query.limit();
              return new HistoryPage(
                  hasMore ? messages.subList(0, query.limit()) : messages,
                  query.page(),
                  query.limit(),
                  hasMore);
            });
  }
}
