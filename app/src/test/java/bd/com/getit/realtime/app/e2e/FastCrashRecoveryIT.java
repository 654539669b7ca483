package bd.com.getit.realtime.app.e2e;

import static bd.com.getit.realtime.app.e2e.ClusterApi.presence;
import static bd.com.getit.realtime.app.e2e.ClusterApi.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the default settings (a node timeout of 30 s), a client whose node was killed and that
 * reconnects to another node 5 seconds later gets its session back with every event published
 * meanwhile: the other node sees that the owner stopped beating, long before its cleanup.
 */
class FastCrashRecoveryIT {
  static EmbeddedRedis redis;
  static TestServer survivor;

  @BeforeAll
  static void start() throws Exception {
    redis = EmbeddedRedis.launch();
    survivor = node("survivor");
  }

  @AfterAll
  static void stop() throws Exception {
    if (survivor != null) {
      survivor.close();
    }
    if (redis != null) {
      redis.close();
    }
  }

  static TestServer node(String id) throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("REALTIME_NODE_ID", id);
    env.put("REALTIME_REDIS_URL", redis.url());
    env.put("REALTIME_REDIS_KEY_PREFIX", "fast-recovery-it:");
    return TestServer.start(env);
  }

  @Test
  void aClientReconnectingFiveSecondsAfterItsNodeWasKilledRecoversEveryMissedEvent()
      throws Exception {
    TestServer doomed = node("doomed");
    try {
      CrashedSession lost = CrashedSession.crash(doomed, survivor, "lazarus", "product:lazarus");
      publishPrice(survivor, "product:lazarus", 1);
      publishPrice(survivor, "product:lazarus", 2);
      // The scenario, not a wait for a result: the phone comes back 5 s after the crash, long
      // before the dead node's heartbeat (30 s) lapses and the others clean up after it.
      Thread.sleep(5_000);
      assertThat(presence(survivor, "lazarus").deviceCount())
          .as("not cleaned up yet: the old socket is still registered")
          .isEqualTo(1);

      lost.recoversOn(survivor, 1, 2);
    } finally {
      doomed.close();
    }
  }
}
