package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.Clock;
import bd.com.getit.realtime.port.out.ClusterMembership;
import bd.com.getit.realtime.testkit.contract.ClusterMembershipContract;

class InMemoryClusterMembershipTest extends ClusterMembershipContract {
  @Override
  protected ClusterMembership newMembership(Clock clock) {
    return new InMemoryClusterMembership(clock);
  }
}
