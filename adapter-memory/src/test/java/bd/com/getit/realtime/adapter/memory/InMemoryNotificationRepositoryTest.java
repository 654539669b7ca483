package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.NotificationRepository;
import bd.com.getit.realtime.testkit.contract.NotificationRepositoryContract;

class InMemoryNotificationRepositoryTest extends NotificationRepositoryContract {
  @Override
  protected NotificationRepository newRepository() {
    return new InMemoryNotificationRepository();
  }
}
