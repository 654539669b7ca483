package bd.com.getit.realtime.adapter.memory;

import bd.com.getit.realtime.port.out.ChatRepository;
import bd.com.getit.realtime.testkit.contract.ChatRepositoryContract;

class InMemoryChatRepositoryTest extends ChatRepositoryContract {
  @Override
  protected ChatRepository newRepository() {
    return new InMemoryChatRepository();
  }
}
