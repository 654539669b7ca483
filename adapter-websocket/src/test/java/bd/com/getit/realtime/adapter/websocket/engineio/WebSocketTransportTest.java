package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebSocketTransportTest {

  private final List<Object> written = new ArrayList<>();
  private final List<SendHandler> outstanding = new ArrayList<>();
  private boolean completeInline;
  private EngineSession session;
  private WebSocketTransport transport;

  @BeforeEach
  void wire() {
    Session ws = mock(Session.class);
    RemoteEndpoint.Async remote = mock(RemoteEndpoint.Async.class);
    when(ws.getAsyncRemote()).thenReturn(remote);
    when(ws.isOpen()).thenReturn(true);
    doAnswer(
            call -> {
              record(call.getArgument(0), call.getArgument(1));
              return null;
            })
        .when(remote)
        .sendText(any(String.class), any(SendHandler.class));
    doAnswer(
            call -> {
              ByteBuffer buffer = call.getArgument(0);
              byte[] bytes = new byte[buffer.remaining()];
              buffer.get(bytes);
              record(bytes, call.getArgument(1));
              return null;
            })
        .when(remote)
        .sendBinary(any(ByteBuffer.class), any(SendHandler.class));
    session =
        new EngineSession(
            "sid",
            "127.0.0.1",
            Map.of(),
            Map.of(),
            EngineOptions.defaults(),
            new NoopListener(),
            new ManualScheduler(),
            () -> {});
    transport = new WebSocketTransport(ws, session);
    session.start(transport);
  }

  private void record(Object frame, SendHandler handler) {
    written.add(frame);
    if (completeInline) {
      handler.onResult(new SendResult());
    } else {
      outstanding.add(handler);
    }
  }

  private void completeNext() {
    outstanding.remove(0).onResult(new SendResult());
  }

  @Test
  void keepsOneWriteOutstandingAndDrainsInOrder() {
    session.send("a");
    session.send(new byte[] {1});
    session.send("b");

    assertThat(written).containsExactly("4a");
    completeNext();
    assertThat(written).hasSize(2);
    assertThat((byte[]) written.get(1)).containsExactly(1);
    completeNext();
    assertThat(written).hasSize(3).last().isEqualTo("4b");
    completeNext();
    assertThat(outstanding).isEmpty();
    assertThat(session.queuedBytes()).isZero();
  }

  @Test
  void sendsDirectPacketsAheadOfTheQueue() {
    session.send("queued");
    transport.sendDirect(EnginePacket.text(PacketType.PONG, "probe"));

    completeNext();

    assertThat(written).containsExactly("4queued", "3probe");
  }

  @Test
  void drainsSendsThatCompleteInlineWithoutRecursing() {
    completeInline = true;
    for (int i = 0; i < 20_000; i++) {
      session.send("m" + i);
    }

    assertThat(written).hasSize(20_000).startsWith("4m0").endsWith("4m19999");
    assertThat(session.queuedBytes()).isZero();
  }

  @Test
  void anOrderlyCloseSendsQueuedPacketsThenACloseFrame() {
    session.send("last");
    session.close();

    completeNext();
    assertThat(written).containsExactly("4last", "1");
    completeNext();

    assertThat(session.isOpen()).isFalse();
  }

  @Test
  void aFailedWriteIsATransportError() {
    session.send("a");

    outstanding.remove(0).onResult(new SendResult(new java.io.IOException("reset")));

    assertThat(session.isOpen()).isFalse();
    assertThat(session.send("b")).isFalse();
  }

  /** Ignores everything. */
  private static final class NoopListener implements EngineListener {
    @Override
    public void onOpen(EngineSocket socket) {}

    @Override
    public void onMessage(EngineSocket socket, String text) {}

    @Override
    public void onBinary(EngineSocket socket, byte[] data) {}

    @Override
    public void onClose(EngineSocket socket, String reason) {}
  }
}
