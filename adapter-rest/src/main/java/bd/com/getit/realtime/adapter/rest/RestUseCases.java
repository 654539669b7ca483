package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.port.in.AdminUseCase;
import bd.com.getit.realtime.port.in.AnnouncementUseCase;
import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases the REST API calls; it holds no rule of its own. Without {@code auctions} the
 * auction routes answer 404.
 */
public record RestUseCases(
    PresenceUseCase presence,
    ChatUseCase chat,
    MessagingUseCase messaging,
    NotificationUseCase notifications,
    EventIngestUseCase ingest,
    AdminUseCase admin,
    Optional<AuctionUseCase> auctions,
    AnnouncementUseCase announcements) {

  /** Without auctions. */
  public RestUseCases(
      PresenceUseCase presence,
      ChatUseCase chat,
      MessagingUseCase messaging,
      NotificationUseCase notifications,
      EventIngestUseCase ingest,
      AdminUseCase admin,
      AnnouncementUseCase announcements) {
    this(presence, chat, messaging, notifications, ingest, admin, Optional.empty(), announcements);
  }

  public RestUseCases {
    Objects.requireNonNull(auctions, "auctions");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(admin, "admin");
    Objects.requireNonNull(announcements, "announcements");
  }
}
