package bd.com.getit.realtime.bench.jmh;

import bd.com.getit.realtime.core.session.LocalSessions;
import bd.com.getit.realtime.domain.ChannelName;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.connection.ConnectionInfo;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core's channel index ({@link LocalSessions}) under concurrent join and leave from two threads
 * (the machine's two cores): on many channels, on one hot channel that every socket shares (as
 * {@code system:announcements} is), and the subscriber lookup a fanout does.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@Threads(2)
public class ChannelIndexBenchmark {

  private static final int SESSIONS = 10_000;
  private static final int CHANNELS = 1_000;

  private LocalSessions sessions;
  private ConnectionId[] connections;
  private ChannelName[] channels;
  private ChannelName hot;

  @Setup
  public void setUp() {
    sessions = new LocalSessions();
    connections = new ConnectionId[SESSIONS];
    channels = new ChannelName[CHANNELS];
    for (int c = 0; c < CHANNELS; c++) {
      channels[c] = ChannelName.parse("product:p" + c);
    }
    hot = ChannelName.parse("system:announcements");
    NodeId node = NodeId.of("bench");
    for (int i = 0; i < SESSIONS; i++) {
      ConnectionId id = ConnectionId.of("conn-" + i);
      UserId user = UserId.of("u" + i);
      connections[i] = id;
      sessions.add(
          Principal.of(user, Set.of(Role.CUSTOMER)),
          new ConnectionInfo(
              id,
              user,
              node,
              "websocket",
              "127.0.0.1",
              Instant.EPOCH,
              Set.of(ChannelName.parse("user:u" + i))));
    }
  }

  @Benchmark
  public boolean joinLeaveManyChannels() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    ConnectionId connection = connections[random.nextInt(SESSIONS)];
    ChannelName channel = channels[random.nextInt(CHANNELS)];
    sessions.join(connection, channel, 100);
    return sessions.leave(connection, channel);
  }

  @Benchmark
  public boolean joinLeaveHotChannel() {
    ConnectionId connection = connections[ThreadLocalRandom.current().nextInt(SESSIONS)];
    sessions.join(connection, hot, 100);
    return sessions.leave(connection, hot);
  }

  @Benchmark
  public int subscribersLookup() {
    return sessions.subscribers(channels[ThreadLocalRandom.current().nextInt(CHANNELS)]).size();
  }
}
