package bd.com.getit.realtime.testkit.contract;

import static bd.com.getit.realtime.testkit.Stages.join;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import bd.com.getit.realtime.domain.NodeId;
import bd.com.getit.realtime.domain.cluster.NodeAddress;
import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.NodeDirectory;
import bd.com.getit.realtime.testkit.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link NodeDirectory} must do. Lapses are measured with the test's clock: an adapter
 * backed by a server keeps its own entries at least as long.
 */
public abstract class NodeDirectoryContract {
  private static final NodeId A = NodeId.of("node-a");
  private static final NodeId B = NodeId.of("node-b");
  private static final Duration TTL = Duration.ofSeconds(3);

  /** The clock the directory measures lapses with. */
  protected final MutableClock clock = new MutableClock();

  private NodeDirectory directory;

  /** A new, empty directory reading time from {@code clock}. */
  protected abstract NodeDirectory newDirectory(Clock clock);

  @BeforeEach
  void createDirectory() {
    directory = newDirectory(clock);
  }

  @Test
  void advertisedNodesAreListedWithTheirUrls() {
    NodeAddress a = NodeAddress.of(A, "http://10.0.0.1:8080");
    NodeAddress b = NodeAddress.of(B, "https://node-b.internal:8443");
    join(directory.advertise(a, TTL));
    join(directory.advertise(b, TTL));

    assertThat(join(directory.addresses())).containsExactlyInAnyOrder(a, b);
  }

  @Test
  void aNewAdvertisementReplacesTheNodesEarlierOne() {
    join(directory.advertise(NodeAddress.of(A, "http://10.0.0.1:8080"), TTL));
    NodeAddress moved = NodeAddress.of(A, "http://10.0.0.9:9090");
    join(directory.advertise(moved, TTL));

    assertThat(join(directory.addresses())).containsExactly(moved);
  }

  @Test
  void anAdvertisementLapsesAfterItsTtlUnlessRenewed() {
    NodeAddress a = NodeAddress.of(A, "http://10.0.0.1:8080");
    NodeAddress b = NodeAddress.of(B, "http://10.0.0.2:8080");
    join(directory.advertise(a, TTL));
    join(directory.advertise(b, TTL));

    clock.advance(Duration.ofSeconds(2));
    join(directory.advertise(b, TTL));
    clock.advance(Duration.ofSeconds(2));

    assertThat(join(directory.addresses())).containsExactly(b);
  }

  @Test
  void aWithdrawnNodeIsNoLongerListedAndWithdrawingTwiceIsHarmless() {
    join(directory.advertise(NodeAddress.of(A, "http://10.0.0.1:8080"), TTL));

    join(directory.withdraw(A));
    join(directory.withdraw(A));
    join(directory.withdraw(B));

    assertThat(join(directory.addresses())).isEmpty();
  }

  @Test
  void aTtlThatIsNotPositiveIsRefused() {
    NodeAddress a = NodeAddress.of(A, "http://10.0.0.1:8080");

    assertThatThrownBy(() -> join(directory.advertise(a, Duration.ZERO)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("ttl");
    assertThatThrownBy(() -> join(directory.advertise(null, TTL)))
        .isInstanceOf(NullPointerException.class);
  }
}
