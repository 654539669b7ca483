package bd.com.getit.realtime.core.connection;

import bd.com.getit.realtime.core.Stages;
import bd.com.getit.realtime.domain.Outbound;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * What a socket starting a new session is shown right after {@code authenticated} (the active
 * announcements). Never fails: a source away shows nothing.
 */
@FunctionalInterface
public interface Welcome {

  Welcome NONE = () -> Stages.completed(List.of());

  CompletionStage<List<Outbound>> events();
}
