package bd.com.getit.realtime.app.e2e;

import static bd.com.getit.realtime.app.e2e.ClusterApi.presence;
import static bd.com.getit.realtime.app.e2e.ClusterApi.publishPrice;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.testsupport.EmbeddedRedis;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * With the default settings (a node timeout of 30 s), a client whose node was killed gets its
 * session back on another node with every event published meanwhile, long before the dead node's
 * cleanup: reconnecting 5 s later (the owner has been silent for three beats already) or at once
 * (the other node waits until the owner has been silent that long).
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

  @Test
  void aClientReconnectingAtOnceWaitsForTheVerdictOnItsNodeAndRecovers() throws Exception {
    TestServer doomed = node("doomed-at-once");
    try {
      CrashedSession lost = CrashedSession.crash(doomed, survivor, "phoenix", "product:phoenix");
      publishPrice(survivor, "product:phoenix", 1);
      publishPrice(survivor, "product:phoenix", 2);
      // Back well within the three silent beats, as the official client is (0.5 to 1.5 s): the
      // survivor cannot tell a dead owner yet, and waits for the verdict instead of starting fresh.
      long started = System.nanoTime();
      lost.recoversOn(survivor, 1, 2);
      assertThat((System.nanoTime() - started) / 1_000_000)
          .as("the verdict takes at most the silence (3 s) and a look")
          .isLessThan(6_000);
    } finally {
      doomed.close();
    }
  }
}
