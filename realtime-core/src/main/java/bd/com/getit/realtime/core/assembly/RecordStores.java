package bd.com.getit.realtime.core.assembly;

import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.PresenceArchive;
import java.util.Objects;

/**
 * The driven ports that keep records: chat, notifications and the event log (required), and the
 * optional connection log and presence archive ({@code NONE} keeps nothing; see {@link #of}).
 */
public record RecordStores(
    ChatRepository chat,
    NotificationRepository notifications,
    EventLog eventLog,
    ConnectionLog connectionLog,
    PresenceArchive presenceArchive) {
  public RecordStores {
    Objects.requireNonNull(chat, "chat");
    Objects.requireNonNull(notifications, "notifications");
    Objects.requireNonNull(eventLog, "eventLog");
    Objects.requireNonNull(connectionLog, "connectionLog");
    Objects.requireNonNull(presenceArchive, "presenceArchive");
  }

  /** The required records, without a connection log or a presence archive. */
  public static RecordStores of(
      ChatRepository chat, NotificationRepository notifications, EventLog eventLog) {
    return new RecordStores(
        chat, notifications, eventLog, ConnectionLog.NONE, PresenceArchive.NONE);
  }

  /** These records with another event log (an embedder's own, say). */
  public RecordStores withEventLog(EventLog log) {
    return new RecordStores(chat, notifications, log, connectionLog, presenceArchive);
  }
}
