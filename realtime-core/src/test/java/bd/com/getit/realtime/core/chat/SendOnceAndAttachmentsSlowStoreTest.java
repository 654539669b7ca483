package bd.com.getit.realtime.core.chat;

import bd.com.getit.realtime.core.testing.SlowStages;
import bd.com.getit.realtime.port.out.ChatRepository;

/** Every case of {@link SendOnceAndAttachmentsTest} through the stage path of a slower store. */
class SendOnceAndAttachmentsSlowStoreTest extends SendOnceAndAttachmentsTest {

  @Override
  ChatRepository served(ChatRepository repository) {
    return SlowStages.minimal(repository);
  }
}
