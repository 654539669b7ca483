package bd.com.getit.realtime.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server, in-memory backend) on a free
 * loopback port: the real driver talks to it over TCP. Either one {@link #shared()} for the whole
 * run or a {@link #start() private} one a test may stop.
 */
public final class EmbeddedMongo implements AutoCloseable {
  private static EmbeddedMongo shared;

  private final MongoServer server;
  private final String connectionString;

  private EmbeddedMongo() {
    server = new MongoServer(new MemoryBackend());
    server.bind("127.0.0.1", 0);
    connectionString = server.getConnectionString();
  }

  /** A new server of the caller's own, running until {@link #close()}. */
  public static EmbeddedMongo start() {
    return new EmbeddedMongo();
  }

  /**
   * The server every test of this JVM shares, started on first use and stopped when the JVM exits;
   * tests isolate themselves with databases of their own. Never close it.
   */
  public static synchronized EmbeddedMongo shared() {
    if (shared == null) {
      EmbeddedMongo mongo = new EmbeddedMongo();
      Runtime.getRuntime()
          .addShutdownHook(new Thread(mongo.server::shutdownNow, "embedded-mongo-stop"));
      shared = mongo;
    }
    return shared;
  }

  /** The connection string, e.g. {@code mongodb://127.0.0.1:40123}. */
  public String connectionString() {
    return connectionString;
  }

  /** Stops the server at once; clients see the connection refused. */
  @Override
  public void close() {
    if (this == shared) {
      throw new IllegalStateException("the shared server lives as long as the JVM");
    }
    server.shutdownNow();
  }
}
