package bd.com.getit.realtime.app.e2e;

import bd.com.getit.realtime.testsupport.EmbeddedMongo;
import java.util.Map;

/**
 * {@link ClusterChatScenario} with MongoDB as the store of record: the nodes share Redis (cluster
 * state and bus) and MongoDB (rooms, history, notifications).
 */
class ClusterChatIT extends ClusterChatScenario {
  private EmbeddedMongo mongo;

  @Override
  Map<String, String> startStores() {
    mongo = EmbeddedMongo.start();
    return Map.of(
        "REALTIME_MONGO_URI", mongo.connectionString(), "REALTIME_MONGO_DATABASE", "cluster_chat");
  }

  @Override
  void stopStores() {
    if (mongo != null) {
      mongo.close();
    }
  }
}
