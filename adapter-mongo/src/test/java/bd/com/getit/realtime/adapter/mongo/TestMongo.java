package bd.com.getit.realtime.adapter.mongo;

import bd.com.getit.realtime.testkit.Stages;
import bd.com.getit.realtime.testsupport.EmbeddedMongo;
import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import com.mongodb.reactivestreams.client.MongoDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The MongoDB servers the adapter's tests run against: always the {@link EmbeddedMongo#shared()
 * mongo-java-server} of this JVM, and a real mongod as well when {@code REALTIME_TEST_MONGO_URI} is
 * set. Each test gets a database of its own.
 */
final class TestMongo {
  /** The environment variable naming a real mongod for the tests. */
  static final String REAL_MONGOD = "REALTIME_TEST_MONGO_URI";

  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static final Map<String, MongoClient> CLIENTS = new ConcurrentHashMap<>();

  private TestMongo() {}

  /** A server to test against; its name shows in the test report. */
  record Backend(String name, String uri) {
    @Override
    public String toString() {
      return name;
    }

    MongoClient client() {
      return CLIENTS.computeIfAbsent(uri, MongoClients::create);
    }

    /** A new, empty database with the adapter's indexes. */
    MongoDatabase freshDatabase() {
      MongoDatabase db =
          client().getDatabase("realtime_test_" + RUN + "_" + DATABASES.incrementAndGet());
      Stages.join(Schema.createIndexes(db));
      return db;
    }

    void drop(MongoDatabase db) {
      Stages.join(Publishers.first(db.drop()));
    }
  }

  /** The backends of this run: the in-JVM server, and the real mongod when configured. */
  static List<Backend> backends() {
    List<Backend> backends = new ArrayList<>();
    backends.add(new Backend("mongo-java-server", EmbeddedMongo.shared().connectionString()));
    String real = System.getenv(REAL_MONGOD);
    if (real != null && !real.isBlank()) {
      backends.add(new Backend("mongod", real));
    }
    return backends;
  }
}
