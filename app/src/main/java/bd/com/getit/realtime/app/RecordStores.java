package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.adapter.mongo.MongoStores;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.PresenceArchive;

/**
 * The driven ports that hold durable records: MongoDB when configured, else memory. Without MongoDB
 * there is no connection log and no presence archive (the cluster state is all there is).
 */
record RecordStores(
    ChatRepository chat,
    NotificationRepository notifications,
    EventLog eventLog,
    ConnectionLog connectionLog,
    PresenceArchive presenceArchive) {

  static RecordStores memory(MemoryAdapters memory) {
    return new RecordStores(
        memory.chatRepository(),
        memory.notificationRepository(),
        memory.eventLog(),
        ConnectionLog.NONE,
        PresenceArchive.NONE);
  }

  static RecordStores mongo(MongoStores mongo) {
    return new RecordStores(
        mongo.chatRepository(),
        mongo.notificationRepository(),
        mongo.eventLog(),
        mongo.connectionLog(),
        mongo.presenceArchive());
  }
}
