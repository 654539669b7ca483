package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.port.in.AdminUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.EventIngestUseCase;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import java.util.Objects;

/** The use cases the REST API calls; it holds no rule of its own. */
public record RestUseCases(
    PresenceUseCase presence,
    ChatUseCase chat,
    MessagingUseCase messaging,
    NotificationUseCase notifications,
    EventIngestUseCase ingest,
    AdminUseCase admin) {
  public RestUseCases {
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(ingest, "ingest");
    Objects.requireNonNull(admin, "admin");
  }
}
