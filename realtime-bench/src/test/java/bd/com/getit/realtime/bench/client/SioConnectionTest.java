package bd.com.getit.realtime.bench.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client against a scripted peer that speaks the server's side byte by byte. */
class SioConnectionTest {

  private ServerSocket server;
  private ClientLoop loop;

  @BeforeEach
  void setUp() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    loop = new ClientLoop("test-loop");
  }

  @AfterEach
  void tearDown() throws IOException {
    loop.close();
    server.close();
  }

  @Test
  void upgradesConnectsAnswersPingsAndDeliversEventsAcksAndTheDisconnect() throws Exception {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    CompletableFuture<String> event = new CompletableFuture<>();
    CompletableFuture<String> closed = new CompletableFuture<>();
    SioListener listener =
        new SioListener() {
          @Override
          public void connected(SioConnection c) {
            connected.complete(null);
          }

          @Override
          public void event(SioConnection c, byte[] b, int offset, int length, long at) {
            event.complete(new String(b, offset, length, StandardCharsets.UTF_8));
          }

          @Override
          public void closed(SioConnection c, String reason) {
            closed.complete(reason);
          }
        };
    SioConnection client =
        new SioConnection(
            0,
            loop,
            new Target("127.0.0.1", server.getLocalPort(), "/socket.io/"),
            null,
            "tok",
            listener);
    client.start();

    try (Socket peer = server.accept()) {
      peer.setSoTimeout(5000);
      InputStream in = peer.getInputStream();
      OutputStream out = peer.getOutputStream();
      String request = readHeader(in);
      assertThat(request)
          .startsWith("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n")
          .contains("Upgrade: websocket", "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: ");
      // The 101 and the Engine.IO open packet in one write: the client must split them itself.
      byte[] head =
          ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                  + "Sec-WebSocket-Accept: x\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      out.write(concat(head, text("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000}")));
      out.flush();
      assertThat(readClientText(in)).isEqualTo("40/realtime,{\"token\":\"tok\"}");

      out.write(text("40/realtime,{\"sid\":\"n1\"}"));
      out.flush();
      connected.get(5, TimeUnit.SECONDS);
      assertThat(client.isConnected()).isTrue();
      assertThat(client.connectNanos()).isPositive();

      out.write(text("2"));
      out.flush();
      assertThat(readClientText(in)).isEqualTo("3");

      // An event split across two TCP writes: the client keeps the first part for the next read.
      byte[] frame = text("42/realtime,[\"bench_tick\",{\"seq\":7,\"ts\":1}]");
      out.write(frame, 0, 5);
      out.flush();
      Thread.sleep(50); // lets the first part arrive alone; nothing to await here
      out.write(frame, 5, frame.length - 5);
      out.flush();
      assertThat(event.get(5, TimeUnit.SECONDS)).isEqualTo("[\"bench_tick\",{\"seq\":7,\"ts\":1}]");

      CompletableFuture<String> ack = new CompletableFuture<>();
      client.emitWithAck(
          "join_channel", "{\"channels\":[\"product:1\"]}", (json, rtt) -> ack.complete(json));
      assertThat(readClientText(in))
          .isEqualTo("42/realtime,0[\"join_channel\",{\"channels\":[\"product:1\"]}]");
      out.write(text("43/realtime,0[{\"ok\":true}]"));
      out.flush();
      assertThat(ack.get(5, TimeUnit.SECONDS)).isEqualTo("[{\"ok\":true}]");

      out.write(text("41/realtime,"));
      out.flush();
      assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo("disconnected by the server");
      assertThat(client.isConnected()).isFalse();
    }
  }

  @Test
  void asksForRecoveryKeepsTheSessionIdsAndDisconnectsOnPurpose() throws Exception {
    CompletableFuture<Void> connected = new CompletableFuture<>();
    CompletableFuture<String> closed = new CompletableFuture<>();
    SioConnection client =
        new SioConnection(
            0,
            loop,
            new Target("127.0.0.1", server.getLocalPort(), "/socket.io/"),
            null,
            "tok",
            "p-1",
            "o-9",
            new SioListener() {
              @Override
              public void connected(SioConnection c) {
                connected.complete(null);
              }

              @Override
              public void closed(SioConnection c, String reason) {
                closed.complete(reason);
              }
            });
    client.start();

    try (Socket peer = server.accept()) {
      peer.setSoTimeout(5000);
      InputStream in = peer.getInputStream();
      OutputStream out = peer.getOutputStream();
      readHeader(in);
      out.write(
          concat(
              ("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                      + "Connection: Upgrade\r\nSec-WebSocket-Accept: x\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII),
              text("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":25000}")));
      out.flush();
      assertThat(readClientText(in))
          .isEqualTo("40/realtime,{\"token\":\"tok\",\"pid\":\"p-1\",\"offset\":\"o-9\"}");
      assertThat(client.sid()).isNull();

      out.write(text("40/realtime,{\"sid\":\"n1\",\"pid\":\"p-2\"}"));
      out.flush();
      connected.get(5, TimeUnit.SECONDS);
      assertThat(client.sid()).isEqualTo("n1");
      assertThat(client.pid()).isEqualTo("p-2");

      client.disconnect();
      assertThat(readClientText(in)).isEqualTo("41/realtime,");
      assertThat(in.read()).as("the TCP connection closed after the DISCONNECT").isEqualTo(-1);
      assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo("disconnected by the bench");
    }
  }

  @Test
  void readsStringFieldsOfTheConnectReply() {
    assertThat(SioConnection.stringField("{\"sid\":\"a\",\"pid\":\"b\"}", "pid")).isEqualTo("b");
    assertThat(SioConnection.stringField("{\"sid\":\"a\"}", "pid")).isNull();
  }

  @Test
  void aRefusedUpgradeClosesWithTheStatusLine() throws Exception {
    CompletableFuture<String> closed = new CompletableFuture<>();
    new SioConnection(
            0,
            loop,
            new Target("127.0.0.1", server.getLocalPort(), "/socket.io/"),
            null,
            null,
            new SioListener() {
              @Override
              public void closed(SioConnection c, String reason) {
                closed.complete(reason);
              }
            })
        .start();
    try (Socket peer = server.accept()) {
      readHeader(peer.getInputStream());
      peer.getOutputStream()
          .write(
              "HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n"
                  .getBytes(StandardCharsets.US_ASCII));
      assertThat(closed.get(5, TimeUnit.SECONDS)).startsWith("upgrade refused: HTTP/1.1 400");
    }
  }

  private static String readHeader(InputStream in) throws IOException {
    StringBuilder header = new StringBuilder();
    while (!header.toString().endsWith("\r\n\r\n")) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("eof in header");
      }
      header.append((char) c);
    }
    return header.toString();
  }

  /** Reads one client frame, checks that it is a final masked text frame, unmasks it. */
  private static String readClientText(InputStream stream) throws IOException {
    DataInputStream in = new DataInputStream(stream);
    int b0 = in.readUnsignedByte();
    int b1 = in.readUnsignedByte();
    assertThat(b0).isEqualTo(0x81);
    assertThat(b1 & 0x80).as("masked").isEqualTo(0x80);
    int length = b1 & 0x7F;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = (int) in.readLong();
    }
    byte[] mask = in.readNBytes(4);
    byte[] payload = in.readNBytes(length);
    for (int i = 0; i < length; i++) {
      payload[i] ^= mask[i & 3];
    }
    return new String(payload, StandardCharsets.UTF_8);
  }

  private static byte[] text(String text) {
    return WsFramesTest.serverFrame(WsFrames.OP_TEXT, text.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] all = new byte[a.length + b.length];
    System.arraycopy(a, 0, all, 0, a.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
