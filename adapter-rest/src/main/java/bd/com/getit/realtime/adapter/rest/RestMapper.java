package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.adapter.rest.Views.ActivityView;
import bd.com.getit.realtime.adapter.rest.Views.AnnouncementListView;
import bd.com.getit.realtime.adapter.rest.Views.AnnouncementView;
import bd.com.getit.realtime.adapter.rest.Views.ConnectionView;
import bd.com.getit.realtime.adapter.rest.Views.HistoryView;
import bd.com.getit.realtime.adapter.rest.Views.MessageView;
import bd.com.getit.realtime.adapter.rest.Views.NodeStatsView;
import bd.com.getit.realtime.adapter.rest.Views.NotificationListView;
import bd.com.getit.realtime.adapter.rest.Views.NotificationStatusView;
import bd.com.getit.realtime.adapter.rest.Views.NotificationView;
import bd.com.getit.realtime.adapter.rest.Views.OnlineUsersView;
import bd.com.getit.realtime.adapter.rest.Views.ParticipantView;
import bd.com.getit.realtime.adapter.rest.Views.PresenceView;
import bd.com.getit.realtime.adapter.rest.Views.RoomListView;
import bd.com.getit.realtime.adapter.rest.Views.RoomSummaryView;
import bd.com.getit.realtime.adapter.rest.Views.RoomView;
import bd.com.getit.realtime.adapter.rest.Views.StatsView;
import bd.com.getit.realtime.adapter.rest.Views.TemplateListView;
import bd.com.getit.realtime.adapter.rest.Views.TemplateParameterView;
import bd.com.getit.realtime.adapter.rest.Views.TemplateView;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.EventId;
import bd.com.getit.realtime.domain.JsonValue;
import bd.com.getit.realtime.domain.MessageId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.NotificationId;
import bd.com.getit.realtime.domain.Priority;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.RoomId;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.chat.ChatMessage;
import bd.com.getit.realtime.domain.chat.ChatRoom;
import bd.com.getit.realtime.domain.chat.HistoryPage;
import bd.com.getit.realtime.domain.chat.MessageType;
import bd.com.getit.realtime.domain.chat.Participant;
import bd.com.getit.realtime.domain.chat.ParticipantRole;
import bd.com.getit.realtime.domain.chat.RoomPage;
import bd.com.getit.realtime.domain.chat.RoomStatus;
import bd.com.getit.realtime.domain.chat.RoomSummary;
import bd.com.getit.realtime.domain.chat.RoomType;
import bd.com.getit.realtime.domain.cluster.NodeStats;
import bd.com.getit.realtime.domain.cluster.Stats;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import bd.com.getit.realtime.domain.notification.Announcement;
import bd.com.getit.realtime.domain.notification.Notification;
import bd.com.getit.realtime.domain.notification.NotificationStatus;
import bd.com.getit.realtime.domain.notification.NotificationTemplate;
import bd.com.getit.realtime.domain.notification.TemplateParameter;
import bd.com.getit.realtime.domain.presence.OnlineUsers;
import bd.com.getit.realtime.domain.presence.Presence;
import bd.com.getit.realtime.domain.presence.PresenceStatus;
import bd.com.getit.realtime.domain.presence.ShoppingActivity;
import bd.com.getit.realtime.json.PlainJson;
import bd.com.getit.realtime.port.in.NotificationUseCase.NotificationList;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mapstruct.Mapper;
import org.mapstruct.Mapping;
import org.mapstruct.ReportingPolicy;

/** Domain records to response views; the wire spells ids as text and enums in lower case. */
@Mapper(unmappedTargetPolicy = ReportingPolicy.ERROR, imports = NotificationStatus.class)
interface RestMapper {

  /** A presence as anyone may read it: without the shopping activity. */
  @Mapping(target = "userId", source = "user")
  @Mapping(target = "activity", ignore = true)
  PresenceView presence(Presence presence);

  /** A presence as staff read it: with the shopping activity. */
  @Mapping(target = "userId", source = "user")
  PresenceView staffPresence(Presence presence);

  ActivityView activity(ShoppingActivity activity);

  @Mapping(target = "totalOnline", source = "total")
  @Mapping(target = "byLocation", source = "byDivision")
  OnlineUsersView onlineUsers(OnlineUsers online);

  @Mapping(target = "userId", source = "user")
  ParticipantView participant(Participant participant);

  @Mapping(target = "roomId", source = "id")
  RoomView room(ChatRoom room);

  @Mapping(target = "channel", expression = "java(ChannelName.chat(message.room()).toString())")
  @Mapping(target = "roomId", source = "room")
  @Mapping(target = "senderId", source = "sender")
  @Mapping(target = "message", source = "text")
  MessageView message(ChatMessage message);

  HistoryView history(HistoryPage page);

  default RoomSummaryView roomSummary(RoomSummary summary) {
    RoomView room = room(summary.room());
    return new RoomSummaryView(
        room.roomId(),
        room.type(),
        room.status(),
        room.createdBy(),
        room.metadata(),
        room.participants(),
        room.createdAt(),
        time(summary.lastActivity()),
        summary.lastMessage().map(this::message).orElse(null),
        summary.unreadCount());
  }

  default RoomListView rooms(RoomPage page) {
    return new RoomListView(page.rooms().stream().map(this::roomSummary).toList(), page.hasMore());
  }

  @Mapping(target = "title", source = "title.english")
  @Mapping(target = "titleBn", source = "title.bangla")
  @Mapping(target = "message", source = "message.english")
  @Mapping(target = "messageBn", source = "message.bangla")
  @Mapping(target = "createdAt", expression = "java(time(notification.createdAt()))")
  @Mapping(
      target = "deliveredAt",
      expression = "java(timeOf(notification, NotificationStatus.DELIVERED))")
  @Mapping(target = "readAt", expression = "java(timeOf(notification, NotificationStatus.READ))")
  @Mapping(
      target = "clickedAt",
      expression = "java(timeOf(notification, NotificationStatus.CLICKED))")
  NotificationView notification(Notification notification);

  /** When the notification reached {@code status}; null until then (PROTOCOL 10.3). */
  default String timeOf(Notification notification, NotificationStatus status) {
    Instant at = notification.statusTimes().get(status);
    return at == null ? null : time(at);
  }

  TemplateView template(NotificationTemplate template);

  default TemplateParameterView templateParameter(TemplateParameter parameter) {
    return new TemplateParameterView(parameter.name(), parameter.type().wireName());
  }

  default TemplateListView templates(List<NotificationTemplate> templates) {
    return new TemplateListView(templates.stream().map(this::template).toList());
  }

  @Mapping(target = "title", source = "title.english")
  @Mapping(target = "titleBn", source = "title.bangla")
  @Mapping(target = "message", source = "message.english")
  @Mapping(target = "messageBn", source = "message.bangla")
  @Mapping(target = "createdAt", expression = "java(time(announcement.createdAt()))")
  @Mapping(
      target = "showUntil",
      expression = "java(announcement.showUntil().map(this::time).orElse(null))")
  AnnouncementView announcement(Announcement announcement);

  default AnnouncementListView announcements(List<Announcement> announcements) {
    return new AnnouncementListView(announcements.stream().map(this::announcement).toList());
  }

  NotificationListView notifications(NotificationList list);

  @Mapping(target = "id", source = "id")
  @Mapping(target = "status", source = "status")
  NotificationStatusView notificationStatus(Notification notification);

  StatsView stats(Stats stats);

  @Mapping(target = "nodeId", source = "node")
  @Mapping(target = "startedAt", expression = "java(time(stats.startedAt()))")
  NodeStatsView nodeStats(NodeStats stats);

  @Mapping(target = "socketId", source = "id")
  @Mapping(target = "userId", source = "user")
  @Mapping(target = "nodeId", source = "node")
  @Mapping(target = "connectedAt", expression = "java(time(connection.connectedAt()))")
  ConnectionView connection(ConnectionInfo connection);

  List<ConnectionView> connections(List<ConnectionInfo> connections);

  // --- the wire form of ids, enums, times and free-form JSON ---

  default String text(UserId id) {
    return id.value();
  }

  default String text(RoomId id) {
    return id.value();
  }

  default String text(MessageId id) {
    return id.value();
  }

  default String text(EventId id) {
    return id.value();
  }

  default String text(NotificationId id) {
    return id.value();
  }

  default String text(ConnectionId id) {
    return id.value();
  }

  default String text(NodeId id) {
    return id.value();
  }

  default String text(ChannelName channel) {
    return channel.toString();
  }

  default String text(PresenceStatus value) {
    return value.wireName();
  }

  default String text(RoomType value) {
    return value.wireName();
  }

  default String text(RoomStatus value) {
    return value.wireName();
  }

  default String text(ParticipantRole value) {
    return value.wireName();
  }

  default String text(Role value) {
    return value.wireName();
  }

  default String text(MessageType value) {
    return value.wireName();
  }

  default String text(Priority value) {
    return value.wireName();
  }

  default String text(NotificationStatus value) {
    return value.wireName();
  }

  default String time(Instant time) {
    return time == null ? null : time.toString();
  }

  default String optionalTime(Optional<Instant> time) {
    return time.map(Instant::toString).orElse(null);
  }

  default String optionalText(Optional<String> text) {
    return text.orElse(null);
  }

  default Map<String, Object> json(JsonValue.JsonObject object) {
    return PlainJson.toMap(object);
  }
}
