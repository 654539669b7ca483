package bd.com.getit.realtime.adapter.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/** Response bodies of PROTOCOL section 9 (snake_case on the wire; times ISO-8601 UTC). */
final class Views {
  private Views() {}

  /** A user's presence; {@code activity} only for a staff reader (PROTOCOL 10.1), else absent. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record PresenceView(
      String userId,
      String status,
      String lastSeen,
      String currentPage,
      int deviceCount,
      @JsonInclude(JsonInclude.Include.NON_NULL) ActivityView activity) {}

  /** What a shopper is doing, as their device last said. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ActivityView(String viewingProduct, int cartItems, boolean inCheckout) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record OnlineUsersView(
      long totalOnline, Map<String, Long> byLocation, Map<String, Long> byDistrict) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ParticipantView(String userId, String role, String joinedAt, String lastReadAt) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record RoomView(
      String roomId,
      String type,
      String status,
      String createdBy,
      Map<String, Object> metadata,
      List<ParticipantView> participants,
      String createdAt) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record MessageView(
      String id,
      String channel,
      String roomId,
      String senderId,
      String senderRole,
      String message,
      String type,
      Map<String, Object> metadata,
      String timestamp) {}

  /** A room in the caller's list: the room, its latest activity and message, its unread count. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record RoomSummaryView(
      String roomId,
      String type,
      String status,
      String createdBy,
      Map<String, Object> metadata,
      List<ParticipantView> participants,
      String createdAt,
      String lastActivity,
      MessageView lastMessage,
      long unreadCount) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record RoomListView(List<RoomSummaryView> rooms, boolean hasMore) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record HistoryView(List<MessageView> messages, int page, int limit, boolean hasMore) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record NotificationView(
      String id,
      String type,
      String title,
      String titleBn,
      String message,
      String messageBn,
      String actionUrl,
      String priority,
      Map<String, Object> data,
      String status,
      String createdAt,
      String deliveredAt,
      String readAt,
      String clickedAt) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record NotificationListView(List<NotificationView> notifications, long unreadCount) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record NotificationStatusView(String id, String status) {}

  /** One parameter of a notification template: its name and {@code text}, {@code number}, ... */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TemplateParameterView(String name, String type) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TemplateView(String id, List<TemplateParameterView> parameters) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record TemplateListView(List<TemplateView> templates) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AnnouncementView(
      String id,
      String type,
      String title,
      String titleBn,
      String message,
      String messageBn,
      String showUntil,
      String createdAt) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AnnouncementListView(List<AnnouncementView> announcements) {}

  /** An accepted publication: an event, an announcement. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record AcceptedView(String id) {}

  /** Totals over the live nodes, and a row per live node (PROTOCOL section 10.5). */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record StatsView(
      long totalConnections,
      long activeUsers,
      double messagesPerSecond,
      double averageLatencyMs,
      List<NodeStatsView> nodes) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record NodeStatsView(
      String nodeId,
      long connections,
      long activeUsers,
      double messagesPerSecond,
      double averageLatencyMs,
      String startedAt) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ConnectionView(
      String socketId,
      String userId,
      String nodeId,
      String transport,
      List<String> channels,
      String connectedAt) {}

  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  record ConnectionsView(List<ConnectionView> connections) {}
}
