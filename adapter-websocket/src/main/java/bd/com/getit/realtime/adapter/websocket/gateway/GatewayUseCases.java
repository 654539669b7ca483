package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.port.in.AuctionUseCase;
import bd.com.getit.realtime.port.in.ChannelUseCase;
import bd.com.getit.realtime.port.in.ChatUseCase;
import bd.com.getit.realtime.port.in.ConnectionUseCase;
import bd.com.getit.realtime.port.in.MessagingUseCase;
import bd.com.getit.realtime.port.in.NotificationUseCase;
import bd.com.getit.realtime.port.in.PresenceUseCase;
import java.util.Objects;
import java.util.Optional;

/**
 * The use cases the {@code /realtime} namespace drives, handed over by the composition root;
 * without auctions, {@code place_bid} answers {@code NOT_FOUND}.
 */
public record GatewayUseCases(
    ConnectionUseCase connection,
    ChannelUseCase channels,
    MessagingUseCase messaging,
    PresenceUseCase presence,
    ChatUseCase chat,
    NotificationUseCase notifications,
    Optional<AuctionUseCase> auctions) {
  public GatewayUseCases {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(channels, "channels");
    Objects.requireNonNull(messaging, "messaging");
    Objects.requireNonNull(presence, "presence");
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(auctions, "auctions");
  }
}
