package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.adapter.mongo.MongoStores;
import bd.com.getit.realtime.adapter.redis.RedisAdapters;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.ConnectionLog;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.port.out.PresenceArchive;

/**
 * The driven ports that hold records: MongoDB when configured (the store of record); else, with
 * Redis, chat, notifications and the event log in Redis, bounded, so every node sees the same
 * rooms, history, read marks and notifications and delivery totals add up over the nodes; else
 * memory. Without MongoDB there is no connection log and no presence archive (the cluster state is
 * all there is).
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

  static RecordStores redis(RedisAdapters redis) {
    return new RecordStores(
        redis.chatRepository(),
        redis.notificationRepository(),
        redis.eventLog(),
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
