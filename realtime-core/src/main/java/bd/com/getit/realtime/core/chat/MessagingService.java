package bd.com.getit.realtime.core.chat;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.Subscriptions;
import bd.com.getit.realtime.core.i18n.SystemText;
import bd.com.getit.realtime.core.routing.PublishableNames;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.core.text.SpamDetector;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ChannelType;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.StreamOffset;
import bd.com.getit.realtime.domain.VendorId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.ClientMessageId;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.SentMessage;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Chat messages and broadcasts. A message goes to a {@code chat:} channel the sending socket has
 * joined (or, over REST, of a room the caller is in) that is active; an {@code image} or {@code
 * file} message must carry a valid attachment reference. It is rate limited, sanitised, checked for
 * spam, stored, then published to the room with the other participants as recipients, so those
 * offline find it queued. A send with a {@code client_msg_id} the sender already used in the room
 * within the window is answered with the first message, before the rate limit and the spam check
 * count it, and the store decides atomically which of concurrent sends of one key is stored. A
 * broadcast is for admins and services anywhere and for a vendor on its own {@code vendor:}
 * channel. Thread-safe; never blocks.
 */
public final class MessagingService implements MessagingUseCase {

  private final ChatRepository chats;
  private final Fanout fanout;
  private final Subscriptions subscriptions;
  private final Clock clock;
  private final IdGenerator ids;
  private final RateLimiter limiter;
  private final MessageSanitizer sanitizer;
  private final SpamDetector spam;
  private final ChatRules rules;

  public MessagingService(
      ChatRepository chats,
      Fanout fanout,
      Subscriptions subscriptions,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      MessageSanitizer sanitizer,
      SpamDetector spam,
      ChatRules rules) {
    this.chats = Objects.requireNonNull(chats, "chats");
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.subscriptions = Objects.requireNonNull(subscriptions, "subscriptions");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    this.spam = Objects.requireNonNull(spam, "spam");
    this.rules = Objects.requireNonNull(rules, "rules");
  }

  @Override
  public CompletionStage<ChatMessage> sendMessage(SendMessageCommand command) {
    try {
      Caller caller = command.caller();
      ChannelName channel = ChannelName.parse(command.channel());
      if (channel.type() != ChannelType.CHAT) {
        throw new RealtimeException(
            ErrorCode.READ_ONLY_CHANNEL, SystemText.NOT_A_CHAT_CHANNEL.english());
      }
      if (caller.connection().isPresent()
          && !subscriptions.isSubscribed(caller.connection().get(), channel)) {
        throw new RealtimeException(ErrorCode.NOT_SUBSCRIBED, SystemText.NOT_SUBSCRIBED.english());
      }
      return new Send(command, caller).start(RoomId.of(channel.id()));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * One {@code send_message} on its way through the stores: find the room, check it, look for a
   * first send of the same client id, take the rate limit, check for spam, store, publish. Each
   * step runs at once on the calling thread when the store's stage has already completed (the
   * in-memory stores: a plain call chain, no stage, lambda or {@code Optional} per step); a stage
   * still running (Mongo, Redis) continues the same step when it completes, through {@link #later}.
   * A throw in a step fails the returned stage, as {@code thenCompose} would.
   */
  private final class Send {
    private final SendMessageCommand command;
    private final Caller caller;
    private ChatRoom room;
    private MessageType type;
    private ClientMessageId clientId; // null when the client gave none
    private String text; // sanitised
    private ChatMessage message;

    Send(SendMessageCommand command, Caller caller) {
      this.command = command;
      this.caller = caller;
    }

    CompletionStage<ChatMessage> start(RoomId roomId) {
      CompletionStage<Optional<ChatRoom>> found = chats.findRoom(roomId);
      return Stages.succeeded(found)
          ? roomFound(Stages.valueOf(found))
          : later(found, Step.ROOM_FOUND);
    }

    private CompletionStage<ChatMessage> roomFound(Optional<ChatRoom> found) {
      room = sendable(Access.found(found), caller);
      type = messageType(command.type());
      Access.requireMetadataSize(command.metadata(), rules.maxMetadataChars());
      Attachments.check(type, command.metadata(), rules.attachmentHosts());
      if (command.clientMsgId().isEmpty()) {
        return limit();
      }
      clientId = ClientMessageId.of(command.clientMsgId().get());
      Instant since = clock.now().minus(rules.clientIdWindow());
      CompletionStage<Optional<SentMessage>> first =
          chats.findSent(room.id(), caller.user(), clientId, since);
      return Stages.succeeded(first)
          ? firstSent(Stages.valueOf(first))
          : later(first, Step.FIRST_SENT);
    }

    private CompletionStage<ChatMessage> firstSent(Optional<SentMessage> first) {
      return first.isPresent() ? repeated(first.get()) : limit();
    }

    private CompletionStage<ChatMessage> limit() {
      CompletionStage<Void> allowed =
          limiter.check(caller.principal(), RateLimiter.Action.SEND_MESSAGE);
      return Stages.succeeded(allowed) ? checkSpam() : later(allowed, Step.ALLOWED);
    }

    private CompletionStage<ChatMessage> checkSpam() {
      text = sanitizer.sanitize(command.message());
      CompletionStage<Void> clean = spam.check(caller.user(), room.id(), text);
      return Stages.succeeded(clean) ? append() : later(clean, Step.CLEAN);
    }

    private CompletionStage<ChatMessage> append() {
      message =
          new ChatMessage(
              MessageId.of(ids.next()),
              room.id(),
              caller.user(),
              Access.senderRole(caller.principal()),
              type,
              text,
              command.metadata(),
              clock.now());
      if (clientId != null) {
        CompletionStage<Optional<SentMessage>> first =
            chats.appendOnce(message, clientId, rules.clientIdWindow());
        return Stages.succeeded(first)
            ? appendedOnce(Stages.valueOf(first))
            : later(first, Step.ONCE);
      }
      CompletionStage<Boolean> stored = chats.append(message);
      return Stages.succeeded(stored)
          ? appended(Stages.valueOf(stored))
          : later(stored, Step.STORED);
    }

    private CompletionStage<ChatMessage> appendedOnce(Optional<SentMessage> first) {
      return first.isPresent() ? repeated(first.get()) : publish();
    }

    private CompletionStage<ChatMessage> appended(boolean stored) {
      return stored ? publish() : CompletableFuture.completedFuture(message);
    }

    private CompletionStage<ChatMessage> publish() {
      CompletionStage<StreamOffset> published =
          fanout.publish(event(room, message), caller.connection());
      return Stages.succeeded(published) ? published() : later(published, Step.PUBLISHED);
    }

    private CompletionStage<ChatMessage> published() {
      return CompletableFuture.completedFuture(message);
    }

    private CompletionStage<ChatMessage> repeated(SentMessage first) {
      return CompletableFuture.completedFuture(repeat(room, type, caller, command, first));
    }

    /** Continues with {@code step} once {@code stage} completes: the path of a slower store. */
    private CompletionStage<ChatMessage> later(CompletionStage<?> stage, Step step) {
      return stage.thenCompose(value -> resume(step, value));
    }

    @SuppressWarnings("unchecked")
    private CompletionStage<ChatMessage> resume(Step step, Object value) {
      return switch (step) {
        case ROOM_FOUND -> roomFound((Optional<ChatRoom>) value);
        case FIRST_SENT -> firstSent((Optional<SentMessage>) value);
        case ALLOWED -> checkSpam();
        case CLEAN -> append();
        case ONCE -> appendedOnce((Optional<SentMessage>) value);
        case STORED -> appended((Boolean) value);
        case PUBLISHED -> published();
      };
    }
  }

  /**
   * The step of a {@link Send} that a slower store's stage resumes, named by what it waited for.
   */
  private enum Step {
    ROOM_FOUND,
    FIRST_SENT,
    ALLOWED,
    CLEAN,
    ONCE,
    STORED,
    PUBLISHED
  }

  /**
   * A room takes messages when active, from its participants and staff. A joined socket passed the
   * same check when it joined, but its user may have left the room since, on another node.
   */
  private static ChatRoom sendable(ChatRoom room, Caller caller) {
    Access.requireActive(room);
    return Access.requireReader(room, caller.principal());
  }

  /**
   * The answer to a retry: the first message's id and time with the retry's own content (the client
   * sent the same message again); nothing is stored or delivered.
   */
  private ChatMessage repeat(
      ChatRoom room,
      MessageType type,
      Caller caller,
      SendMessageCommand command,
      SentMessage first) {
    return new ChatMessage(
        first.id(),
        room.id(),
        caller.user(),
        Access.senderRole(caller.principal()),
        type,
        sanitizer.sanitize(command.message()),
        command.metadata(),
        first.timestamp());
  }

  private Event event(ChatRoom room, ChatMessage message) {
    // An immutable list, so that the event keeps it without a copy; a loop, not a stream.
    List<Participant> participants = room.participants();
    ChannelName[] others = new ChannelName[participants.size()];
    int count = 0;
    for (Participant participant : participants) {
      if (!participant.user().equals(message.sender())) {
        others[count++] = ChannelName.user(participant.user());
      }
    }
    List<ChannelName> recipients = List.of(Arrays.copyOf(others, count));
    return new Event(
        EventId.of(ids.next()),
        EventKind.MESSAGE.wireName(),
        room.channel(),
        message.toPayload(),
        message.timestamp(),
        Priority.HIGH,
        rules.messageTtl(),
        recipients,
        false);
  }

  private static MessageType messageType(String wire) {
    if (wire == null) {
      return MessageType.TEXT;
    }
    return MessageType.fromWire(wire)
        .orElseThrow(
            () ->
                new RealtimeException(
                    ErrorCode.PAYLOAD_INVALID, "type is text, image, file, product or order"));
  }

  @Override
  public CompletionStage<Event> broadcast(BroadcastCommand command) {
    return ChatService.attempt(
        () -> {
          Principal principal = command.caller().principal();
          ChannelName channel = ChannelName.parse(command.channel());
          if (!mayBroadcast(principal, channel)) {
            throw new RealtimeException(
                ErrorCode.FORBIDDEN, SystemText.BROADCAST_NOT_ALLOWED.english());
          }
          String name = command.eventType();
          if (name == null) {
            throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "event_type is required");
          }
          PublishableNames.requirePublishable(name);
          Event event =
              new Event(
                  EventId.of(ids.next()),
                  name,
                  channel,
                  command.data(),
                  clock.now(),
                  Priority.MEDIUM,
                  Duration.ZERO,
                  List.of(),
                  false);
          return Stages.thenApply(
              Stages.thenCompose(
                  limiter.check(principal, RateLimiter.Action.BROADCAST_EVENT),
                  v -> fanout.publish(event, Optional.empty())),
              offset -> event);
        });
  }

  private static boolean mayBroadcast(Principal principal, ChannelName channel) {
    if (principal.isTrusted()) {
      return true;
    }
    return principal.has(Role.VENDOR)
        && channel.type() == ChannelType.VENDOR
        && principal.vendorId().map(VendorId::value).filter(channel.id()::equals).isPresent();
  }
}
