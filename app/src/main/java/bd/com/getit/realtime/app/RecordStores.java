package bd.com.getit.realtime.app;

import bd.com.getit.realtime.adapter.memory.MemoryAdapters;
import bd.com.getit.realtime.adapter.mongo.MongoStores;
import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.port.out.EventLog;
import bd.com.getit.realtime.port.out.NotificationRepository;

/** The driven ports that hold durable records: MongoDB when configured, else memory. */
record RecordStores(ChatRepository chat, NotificationRepository notifications, EventLog eventLog) {

  static RecordStores memory(MemoryAdapters memory) {
    return new RecordStores(
        memory.chatRepository(), memory.notificationRepository(), memory.eventLog());
  }

  static RecordStores mongo(MongoStores mongo) {
    return new RecordStores(
        mongo.chatRepository(), mongo.notificationRepository(), mongo.eventLog());
  }
}
