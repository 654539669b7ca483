package bd.com.getit.realtime.adapter.mongo;

import bd.com.getit.realtime.domain.Event;
import bd.com.getit.realtime.domain.EventRecord;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.connection.ConnectionEntry;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import java.time.Instant;
import org.mapstruct.InheritInverseConfiguration;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.factory.Mappers;

/** Maps domain records to the adapter's persistence documents and back (MapStruct generates it). */
@Mapper(
    uses = Values.class,
    imports = {Values.class, NotificationStatus.class, ShoppingActivity.class})
interface DocumentMapper {
  DocumentMapper INSTANCE = Mappers.getMapper(DocumentMapper.class);

  ChatRoomDocument toDocument(ChatRoom room);

  ChatRoom toDomain(ChatRoomDocument document);

  @Mapping(target = "userId", source = "user")
  ParticipantDocument toDocument(Participant participant);

  @InheritInverseConfiguration
  Participant toDomain(ParticipantDocument document);

  @Mapping(target = "roomId", source = "room")
  @Mapping(target = "senderId", source = "sender")
  @Mapping(target = "message", source = "text")
  ChatMessageDocument toDocument(ChatMessage message);

  @InheritInverseConfiguration
  ChatMessage toDomain(ChatMessageDocument document);

  @Mapping(target = "userId", source = "user")
  @Mapping(target = "channel", expression = "java(\"user:\" + notification.user().value())")
  @Mapping(target = "title", source = "title.english")
  @Mapping(target = "titleBn", source = "title.bangla")
  @Mapping(target = "message", source = "message.english")
  @Mapping(target = "messageBn", source = "message.bangla")
  @Mapping(
      target = "sentAt",
      expression = "java(notification.statusTimes().get(NotificationStatus.SENT))")
  @Mapping(
      target = "deliveredAt",
      expression = "java(notification.statusTimes().get(NotificationStatus.DELIVERED))")
  @Mapping(
      target = "readAt",
      expression = "java(notification.statusTimes().get(NotificationStatus.READ))")
  @Mapping(
      target = "clickedAt",
      expression = "java(notification.statusTimes().get(NotificationStatus.CLICKED))")
  NotificationDocument toDocument(Notification notification);

  @Mapping(target = "user", source = "userId")
  @Mapping(
      target = "title",
      expression = "java(Values.localized(document.title(), document.titleBn()))")
  @Mapping(
      target = "message",
      expression = "java(Values.localized(document.message(), document.messageBn()))")
  @Mapping(target = "statusTimes", expression = "java(Values.statusTimes(document))")
  Notification toDomain(NotificationDocument document);

  /** A new log entry: zero totals, removed by MongoDB at {@code removeAt}. */
  @Mapping(target = "id", source = "event.id")
  @Mapping(target = "type", source = "event.name")
  @Mapping(target = "ttlMs", source = "event.ttl")
  @Mapping(target = "delivered", constant = "0L")
  @Mapping(target = "failed", constant = "0L")
  @Mapping(target = "ttl", source = "removeAt")
  EventDocument toDocument(Event event, Instant removeAt);

  @Mapping(target = "name", source = "type")
  @Mapping(target = "ttl", source = "ttlMs")
  Event toEvent(EventDocument document);

  @Mapping(target = "event", source = ".")
  EventRecord toDomain(EventDocument document);

  /** A connection log entry, removed by MongoDB at {@code expiresAt}. */
  @Mapping(target = "id", source = "entry.connection.id")
  @Mapping(target = "userId", source = "entry.connection.user")
  @Mapping(target = "nodeId", source = "entry.connection.node")
  @Mapping(target = "transport", source = "entry.connection.transport")
  @Mapping(target = "clientAddress", source = "entry.connection.clientAddress")
  @Mapping(target = "connectedAt", expression = "java(entry.connection().connectedAt())")
  @Mapping(target = "channels", source = "entry.connection.channels")
  @Mapping(target = "lastActivity", source = "entry.lastActivity")
  @Mapping(target = "disconnectedAt", source = "entry.disconnectedAt")
  @Mapping(target = "location", source = "entry.location")
  @Mapping(target = "networkInfo", source = "entry.quality")
  ConnectionDocument toDocument(ConnectionEntry entry, Instant expiresAt);

  @Mapping(target = "user", source = "userId")
  @Mapping(target = "node", source = "nodeId")
  @Mapping(target = "connectedAtMillis", expression = "java(document.connectedAt().toEpochMilli())")
  ConnectionInfo toConnectionInfo(ConnectionDocument document);

  @Mapping(target = "connection", source = ".")
  @Mapping(target = "quality", source = "networkInfo")
  ConnectionEntry toDomain(ConnectionDocument document);

  /** A user's last known presence as of {@code updatedAt}; the shopping activity is not kept. */
  @Mapping(target = "id", source = "presence.user")
  @Mapping(target = "updatedAt", source = "updatedAt")
  PresenceDocument toDocument(Presence presence, Instant updatedAt);

  @Mapping(target = "user", source = "id")
  @Mapping(target = "activity", expression = "java(ShoppingActivity.NONE)")
  Presence toDomain(PresenceDocument document);
}
