package bd.com.getit.realtime.port.in;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.LocalizedText;
import bd.com.getit.realtime.domain.notification.Announcement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * System announcements (PROTOCOL 10.3): made by admins, delivered live to {@code
 * system:announcements}, kept until {@code show_until} for the sockets that connect later, listed
 * for anyone.
 */
public interface AnnouncementUseCase {

  /**
   * Publishes a {@code system_announcement} to {@code system:announcements}, and keeps it until its
   * {@code showUntil} when it has one (admins only).
   */
  CompletionStage<Announcement> announce(AnnounceCommand command);

  /** The announcements still shown, oldest first. */
  CompletionStage<List<Announcement>> active();

  /**
   * @param showUntil when it stops being shown to new sockets; without it, only the sockets
   *     connected at the time receive it
   */
  record AnnounceCommand(
      Caller caller,
      LocalizedText title,
      LocalizedText message,
      String type,
      Optional<Instant> showUntil) {
    public AnnounceCommand {
      Objects.requireNonNull(caller, "caller");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(message, "message");
      Objects.requireNonNull(type, "type");
      Objects.requireNonNull(showUntil, "showUntil");
    }
  }
}
