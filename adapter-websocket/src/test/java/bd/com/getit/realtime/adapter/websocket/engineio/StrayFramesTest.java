package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.Grizzly;
import org.glassfish.grizzly.filterchain.FilterChainContext;
import org.glassfish.grizzly.filterchain.NextAction;
import org.junit.jupiter.api.Test;

class StrayFramesTest {

  private final StrayFrames stray = new StrayFrames();

  /** A connection stand-in with real attribute storage: Grizzly's attributes live on it. */
  private static Connection<?> connection() {
    Connection<?> connection = mock(Connection.class);
    when(connection.getAttributes())
        .thenReturn(Grizzly.DEFAULT_ATTRIBUTE_BUILDER.createSafeAttributeHolder());
    return connection;
  }

  private static FilterChainContext readOn(Connection<?> connection) {
    FilterChainContext ctx = FilterChainContext.create(connection);
    ctx.setMessage(new Object());
    return ctx;
  }

  @Test
  void aReadOfAnUpgradedConnectionThatTyrusPassedOnClosesItAndGoesNoFurther() throws Exception {
    Connection<?> connection = connection();
    UpgradedFrames.markUpgraded(connection);
    FilterChainContext ctx = readOn(connection);

    NextAction next = stray.handleRead(ctx);

    assertThat(next).isSameAs(ctx.getStopAction());
    verify(connection).closeSilently();
  }

  @Test
  void plainHttpGoesOnToTheHandlers() throws Exception {
    Connection<?> connection = connection();
    FilterChainContext ctx = readOn(connection);

    NextAction next = stray.handleRead(ctx);

    assertThat(next).isSameAs(ctx.getInvokeAction());
    verify(connection, never()).closeSilently();
  }
}
