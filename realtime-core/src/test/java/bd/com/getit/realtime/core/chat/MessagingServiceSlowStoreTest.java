package bd.com.getit.realtime.core.chat;

import bd.com.getit.realtime.core.testing.SlowStages;
import bd.com.getit.realtime.port.out.ChatRepository;

/**
 * Every case of {@link MessagingServiceTest} with a store whose answers the service cannot take at
 * once: the stage path a network store takes gives the same results and errors as the direct one.
 */
class MessagingServiceSlowStoreTest extends MessagingServiceTest {

  @Override
  ChatRepository served(ChatRepository repository) {
    return SlowStages.minimal(repository);
  }
}
