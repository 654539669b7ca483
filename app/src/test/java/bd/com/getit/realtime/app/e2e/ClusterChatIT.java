package bd.com.getit.realtime.app.e2e;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.util.Map;

/**
 * {@link ClusterChatScenario} with MongoDB as the store of record: the nodes share Redis (cluster
 * state and bus) and MongoDB (rooms, history, notifications).
 */
class ClusterChatIT extends ClusterChatScenario {
  private MongoServer mongo;

  @Override
  Map<String, String> startStores() {
    mongo = new MongoServer(new MemoryBackend());
    mongo.bind("127.0.0.1", 0);
    return Map.of(
        "REALTIME_MONGO_URI",
        mongo.getConnectionString(),
        "REALTIME_MONGO_DATABASE",
        "cluster_chat");
  }

  @Override
  void stopStores() {
    if (mongo != null) {
      mongo.shutdownNow();
    }
  }
}
