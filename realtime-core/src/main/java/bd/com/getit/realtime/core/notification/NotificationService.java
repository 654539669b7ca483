package bd.com.getit.realtime.core.notification;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.RateLimiter;
import bd.com.getit.realtime.core.i18n.SystemText;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import bd.com.getit.realtime.domain.notification.RenderedNotification;
import bd.com.getit.realtime.domain.notification.TemplateValue;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.IdGenerator;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.NotificationTemplates;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Notifications: sent by services and admins (validated, sanitised, stored as {@code sent}, then
 * published to {@code user:{id}}, which the fanout queues while the user is offline), with their
 * four texts given or rendered from one of the server's templates; listed and moved forward ({@code
 * read}, {@code clicked}, never back; {@code delivered} comes from the {@link
 * NotificationLifecycle}) by their own user only. Another user's notification is {@code NOT_FOUND},
 * so ids do not leak. Thread-safe; never blocks.
 */
public final class NotificationService implements NotificationUseCase {

  /** How long an undelivered notification waits in the user's offline queue. */
  public static final Duration DEFAULT_TTL = Duration.ofDays(7);

  static final int MAX_TITLE = 200;
  static final int MAX_MESSAGE = 2000;
  static final int MAX_URL = 2048;
  static final int MAX_DATA_CHARS = 16 * 1024;
  static final int MAX_LIST = 100;

  private static final Pattern TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  private static final Pattern SAFE_URL =
      Pattern.compile("(?i)(https?://[^\\s<>\"\\p{Cntrl}]+|/(?!/)[^\\s<>\"\\p{Cntrl}]*)");

  private final NotificationRepository notifications;
  private final Fanout fanout;
  private final Clock clock;
  private final IdGenerator ids;
  private final RateLimiter limiter;
  private final MessageSanitizer sanitizer;
  private final Duration ttl;
  private final NotificationLifecycle lifecycle;
  private final NotificationTemplates templates;
  private final Map<String, NotificationTemplate> templatesById;

  /** Without templates; statuses move through a lifecycle of its own. */
  public NotificationService(
      NotificationRepository notifications,
      Fanout fanout,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      MessageSanitizer sanitizer,
      Duration ttl) {
    this(
        notifications,
        fanout,
        clock,
        ids,
        limiter,
        sanitizer,
        ttl,
        new NotificationLifecycle(notifications, fanout, clock, ids),
        NotificationTemplates.NONE);
  }

  /**
   * @param lifecycle moves statuses forward (the same one the fanout tells of deliveries)
   * @param templates the server's templates, checked when they were loaded
   */
  public NotificationService(
      NotificationRepository notifications,
      Fanout fanout,
      Clock clock,
      IdGenerator ids,
      RateLimiter limiter,
      MessageSanitizer sanitizer,
      Duration ttl,
      NotificationLifecycle lifecycle,
      NotificationTemplates templates) {
    this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    this.templates = Objects.requireNonNull(templates, "templates");
    Map<String, NotificationTemplate> byId = new HashMap<>();
    templates.templates().forEach(t -> byId.put(t.id(), t));
    this.templatesById = Map.copyOf(byId);
    this.notifications = Objects.requireNonNull(notifications, "notifications");
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
    this.limiter = Objects.requireNonNull(limiter, "limiter");
    this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    this.ttl = Objects.requireNonNull(ttl, "ttl");
    if (ttl.isNegative() || ttl.isZero()) {
      throw new IllegalArgumentException("ttl > 0: notifications are at-least-once");
    }
  }

  @Override
  public CompletionStage<Notification> send(SendNotificationCommand command) {
    return attempt(
        () -> {
          if (!command.caller().principal().isTrusted()) {
            throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.SENDERS_ONLY.english());
          }
          if (command.user().value().startsWith("guest:")) {
            throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "guests get no notifications");
          }
          if (!TYPE.matcher(command.type()).matches()) {
            throw new RealtimeException(
                ErrorCode.PAYLOAD_INVALID, "notification_type must match " + TYPE);
          }
          if (command.data().toJson().length() > MAX_DATA_CHARS) {
            throw new RealtimeException(ErrorCode.PAYLOAD_TOO_LARGE, "data is too large");
          }
          Instant now = clock.now();
          Notification notification =
              new Notification(
                  NotificationId.of(ids.next()),
                  command.user(),
                  command.type(),
                  clean(command.title(), MAX_TITLE),
                  clean(command.message(), MAX_MESSAGE),
                  command.data(),
                  command.actionUrl().map(NotificationService::url),
                  command.priority(),
                  NotificationStatus.SENT,
                  Map.of(NotificationStatus.SENT, now));
          ChannelName inbox = ChannelName.user(command.user());
          Event event =
              new Event(
                  EventId.of(ids.next()),
                  EventKind.NOTIFICATION.wireName(),
                  inbox,
                  notification.toPayload(),
                  now,
                  command.priority(),
                  ttl,
                  List.of(inbox),
                  false);
          return notifications
              .save(notification)
              .thenCompose(v -> fanout.publish(event, Optional.empty()))
              .thenApply(offset -> notification);
        });
  }

  @Override
  public CompletionStage<Notification> sendTemplated(SendTemplatedCommand command) {
    return attempt(
        () -> {
          NotificationTemplate template = templatesById.get(command.template());
          if (template == null) {
            throw new RealtimeException(
                ErrorCode.PAYLOAD_INVALID, "no template " + command.template());
          }
          Map<String, TemplateValue> values = TemplateParams.check(template, command.params());
          RenderedNotification text = templates.render(template.id(), values);
          return send(
              new SendNotificationCommand(
                  command.caller(),
                  command.user(),
                  command.type().orElse(template.id()),
                  text.title(),
                  text.message(),
                  command.data(),
                  command.actionUrl(),
                  command.priority()));
        });
  }

  @Override
  public List<NotificationTemplate> templates() {
    return templates.templates();
  }

  @Override
  public CompletionStage<NotificationList> list(Caller caller, boolean unreadOnly, int limit) {
    return attempt(
        () -> {
          requireSignedIn(caller);
          if (limit < 1 || limit > MAX_LIST) {
            throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "limit is 1 to " + MAX_LIST);
          }
          UserId user = caller.user();
          return limiter
              .check(caller.principal(), RateLimiter.Action.REST_READ)
              .thenCompose(
                  v ->
                      notifications
                          .list(user, unreadOnly, limit)
                          .thenCombine(notifications.unreadCount(user), NotificationList::new));
        });
  }

  @Override
  public CompletionStage<Notification> mark(
      Caller caller, NotificationId id, NotificationStatus status) {
    return attempt(
        () -> {
          requireSignedIn(caller);
          if (status != NotificationStatus.READ && status != NotificationStatus.CLICKED) {
            throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "status is read or clicked");
          }
          return limiter
              .check(caller.principal(), RateLimiter.Action.NOTIFICATION_STATUS)
              .thenCompose(v -> notifications.find(id))
              .thenCompose(
                  found -> {
                    Notification own =
                        found
                            .filter(n -> n.user().equals(caller.user()))
                            .orElseThrow(
                                () ->
                                    new RealtimeException(
                                        ErrorCode.NOT_FOUND,
                                        SystemText.NOTIFICATION_NOT_FOUND.english()));
                    return lifecycle.advance(own.id(), status).thenApply(m -> m.orElse(own));
                  });
        });
  }

  private LocalizedText clean(LocalizedText text, int max) {
    return new LocalizedText(
        sanitizer.sanitize(text.english(), max),
        text.bangla().map(b -> sanitizer.sanitize(b, max)));
  }

  /** Only web links and site paths: no {@code javascript:} or other schemes reach a client. */
  private static String url(String url) {
    if (url.length() > MAX_URL || !SAFE_URL.matcher(url).matches()) {
      throw new RealtimeException(
          ErrorCode.PAYLOAD_INVALID, "action_url is an http(s) URL or a path starting with /");
    }
    return url;
  }

  private static void requireSignedIn(Caller caller) {
    if (caller.principal().isGuest()) {
      throw new RealtimeException(ErrorCode.FORBIDDEN, SystemText.GUESTS_NOT_ALLOWED.english());
    }
  }

  /** Runs {@code body}; a synchronous throw becomes a failed stage, never escapes. */
  private static <T> CompletionStage<T> attempt(Supplier<CompletionStage<T>> body) {
    try {
      return body.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
