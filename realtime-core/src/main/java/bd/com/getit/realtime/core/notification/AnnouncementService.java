package bd.com.getit.realtime.core.notification;

import bd.com.getit.realtime.core.Fanout;
import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.core.text.MessageSanitizer;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.EventKind;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.Outbound;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.port.in.AnnouncementUseCase;
import bd.com.getit.realtime.port.out.AnnouncementStore;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.IdGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * System announcements: an admin's announcement is cleaned, kept in the {@link AnnouncementStore}
 * until its {@code show_until} (shared by every node on a shared store), and published live to
 * {@code system:announcements}; {@link #welcome} gives a socket that connects later the ones still
 * active. Thread-safe; never blocks.
 */
public final class AnnouncementService implements AnnouncementUseCase {
  static final int MAX_TYPE_LENGTH = 64;
  static final int MAX_TITLE = 200;
  static final int MAX_MESSAGE = 2000;

  private final AnnouncementStore store;
  private final Fanout fanout;
  private final MessageSanitizer sanitizer;
  private final Clock clock;
  private final IdGenerator ids;

  public AnnouncementService(
      AnnouncementStore store,
      Fanout fanout,
      MessageSanitizer sanitizer,
      Clock clock,
      IdGenerator ids) {
    this.store = Objects.requireNonNull(store, "store");
    this.fanout = Objects.requireNonNull(fanout, "fanout");
    this.sanitizer = Objects.requireNonNull(sanitizer, "sanitizer");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.ids = Objects.requireNonNull(ids, "ids");
  }

  @Override
  public CompletionStage<Announcement> announce(AnnounceCommand command) {
    Objects.requireNonNull(command, "command");
    if (!command.caller().principal().has(Role.ADMIN)) {
      return Stages.failed(ErrorCode.FORBIDDEN, "admins only");
    }
    return Stages.guard(
        () -> {
          if (command.type().isBlank() || command.type().length() > MAX_TYPE_LENGTH) {
            return Stages.failed(
                ErrorCode.PAYLOAD_INVALID, "type is 1 to " + MAX_TYPE_LENGTH + " characters");
          }
          Instant now = clock.now();
          if (command.showUntil().isPresent() && !command.showUntil().get().isAfter(now)) {
            return Stages.failed(ErrorCode.PAYLOAD_INVALID, "show_until is in the future");
          }
          Announcement announcement =
              new Announcement(
                  EventId.of(ids.next()),
                  command.type(),
                  clean(command.title(), MAX_TITLE),
                  clean(command.message(), MAX_MESSAGE),
                  now,
                  command.showUntil());
          CompletionStage<Void> kept =
              command.showUntil().isPresent() ? store.save(announcement) : Stages.done();
          // Kept before it is published: a socket connecting meanwhile gets it one way or the
          // other.
          return kept.thenCompose(
              v ->
                  fanout
                      .publish(event(announcement), Optional.empty())
                      .thenApply(o -> announcement));
        });
  }

  @Override
  public CompletionStage<List<Announcement>> active() {
    return Stages.guard(() -> store.active(clock.now()));
  }

  /**
   * What a socket that has just connected is shown: the active announcements, oldest first, each as
   * the {@code system_announcement} event it was published as. Never fails: a store away shows
   * none.
   */
  public CompletionStage<List<Outbound>> welcome() {
    return active()
        .thenApply(list -> list.stream().map(a -> Outbound.of(event(a), null)).toList())
        .exceptionally(e -> List.of());
  }

  private static Event event(Announcement a) {
    return new Event(
        a.id(),
        EventKind.SYSTEM_ANNOUNCEMENT.wireName(),
        ChannelName.ANNOUNCEMENTS,
        a.toPayload(),
        a.createdAt(),
        Priority.HIGH,
        Duration.ZERO,
        List.of(),
        false);
  }

  private LocalizedText clean(LocalizedText text, int max) {
    return new LocalizedText(
        sanitizer.sanitize(text.english(), max),
        text.bangla().map(b -> sanitizer.sanitize(b, max)));
  }
}
