package bd.com.getit.realtime.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import bd.com.getit.realtime.adapter.websocket.socketio.NamespaceHandler;
import bd.com.getit.realtime.adapter.websocket.socketio.SioSocket;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.Test;

/** The logging wrapper hands every callback of the namespace on, the default ones included. */
class LoggingNamespaceTest {

  @Test
  void overridesEveryCallbackSoThatNoDefaultHidesTheNamespaces() throws Exception {
    for (Method method : NamespaceHandler.class.getMethods()) {
      if (Modifier.isStatic(method.getModifiers())) {
        continue;
      }
      // throws NoSuchMethodException for a callback the wrapper would answer with the default
      Method own =
          LoggingNamespace.class.getDeclaredMethod(method.getName(), method.getParameterTypes());
      assertThat(own.getDeclaringClass()).isEqualTo(LoggingNamespace.class);
    }
  }

  @Test
  void anEventTextTakenByTheNamespaceIsTakenThroughTheWrapper() {
    NamespaceHandler namespace = mock(NamespaceHandler.class);
    SioSocket socket = mock(SioSocket.class);
    when(socket.id()).thenReturn("s-1");
    when(namespace.onEventText(any(), anyString(), anyInt(), any())).thenReturn(true);

    boolean taken = new LoggingNamespace(namespace).onEventText(socket, "2[\"e\"]", 1, null);

    assertThat(taken).isTrue();
    verify(namespace).onEventText(socket, "2[\"e\"]", 1, null);
  }
}
