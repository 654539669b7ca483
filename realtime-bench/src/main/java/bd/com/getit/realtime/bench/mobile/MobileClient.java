package bd.com.getit.realtime.bench.mobile;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * One simulated phone: a blocking websocket Socket.IO client on its own thread that offers
 * permessage-deflate or not, tells the server its network class or not, joins channels and hands
 * every event it receives to a sink with its arrival time. Reads compressed frames as a browser
 * does (RFC 7692: the inflater keeps its window unless the server agreed to no context takeover).
 */
final class MobileClient implements AutoCloseable {

  /** What the phone received: the event's name, priority, sequence and publication time. */
  record Received(String event, String priority, long seq, long publishedMillis, long atMillis) {}

  interface Sink {
    void received(MobileClient client, Received event);
  }

  private static final Pattern EVENT = Pattern.compile("^42/realtime,\\[\"([a-z_]+)\"");
  private static final Pattern PRIORITY = Pattern.compile("\"priority\":\"([a-z]+)\"");
  private static final Pattern SEQ = Pattern.compile("\"seq\":(\\d+)");
  private static final Pattern TS = Pattern.compile("\"ts\":(\\d+)");

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final String token;
  private final String bandwidth;
  private final List<String> channels;
  private final Sink sink;
  private final Inflater inflater = new Inflater(true);
  private final CountDownLatch joined = new CountDownLatch(1);
  final boolean deflateNegotiated;
  private final boolean serverNoContext; // the server compresses each message on its own
  private volatile boolean closed;

  /**
   * @param bandwidth the class to report with {@code network_info}; null to report none
   */
  MobileClient(
      String host,
      int port,
      String token,
      boolean offerDeflate,
      String bandwidth,
      List<String> channels,
      Sink sink)
      throws IOException {
    this.token = token;
    this.bandwidth = bandwidth;
    this.channels = channels;
    this.sink = sink;
    this.socket = new Socket(host, port);
    socket.setTcpNoDelay(true);
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    String request =
        "GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\n"
            + "Host: "
            + host
            + ":"
            + port
            + "\r\nConnection: Upgrade\r\nUpgrade: websocket\r\nSec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + (offerDeflate
                ? "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits\r\n"
                : "")
            + "\r\n";
    out.write(request.getBytes(StandardCharsets.US_ASCII));
    out.flush();
    String status = line();
    if (!status.contains(" 101 ")) {
      throw new IOException("upgrade refused: " + status);
    }
    boolean deflate = false;
    boolean noContext = false;
    for (String header = line(); !header.isEmpty(); header = line()) {
      if (header.toLowerCase(Locale.ROOT).startsWith("sec-websocket-extensions:")
          && header.contains("permessage-deflate")) {
        deflate = true;
        noContext = header.contains("server_no_context_takeover");
      }
    }
    this.deflateNegotiated = deflate;
    this.serverNoContext = noContext;
    Thread reader = new Thread(this::readLoop, "phone-" + port);
    reader.setDaemon(true);
    reader.start();
  }

  /** Waits until the channels are joined (and the network class reported). */
  boolean awaitJoined(long millis) throws InterruptedException {
    return joined.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("closed in the handshake");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  private void readLoop() {
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    boolean compressed = false;
    try {
      while (!closed) {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
          length = in.readUnsignedShort();
        } else if (length == 127) {
          length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        int opcode = first & 0x0f;
        if (opcode == 8) {
          return;
        }
        if (opcode == 9) {
          send(0xA, payload);
          continue;
        }
        if (opcode != 0) {
          compressed = (first & 0x40) != 0;
          message.reset();
        }
        message.write(payload);
        if ((first & 0x80) == 0) {
          continue;
        }
        byte[] data = compressed ? inflate(message.toByteArray()) : message.toByteArray();
        onText(new String(data, StandardCharsets.UTF_8));
      }
    } catch (IOException | DataFormatException | RuntimeException e) {
      // closed (an inflater ended by close() included)
    }
  }

  private byte[] inflate(byte[] payload) throws DataFormatException {
    byte[] input = Arrays.copyOf(payload, payload.length + 4);
    input[payload.length + 2] = (byte) 0xff;
    input[payload.length + 3] = (byte) 0xff;
    if (serverNoContext) {
      inflater.reset();
    }
    // else the window carries over from message to message, as in a browser (context takeover)
    inflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length * 4);
    byte[] chunk = new byte[8192];
    int n;
    while ((n = inflater.inflate(chunk)) > 0) {
      out.write(chunk, 0, n);
    }
    return out.toByteArray();
  }

  private void onText(String text) throws IOException {
    long now = System.currentTimeMillis();
    if (text.startsWith("0{")) {
      sendText("40/realtime,{\"token\":\"" + token + "\"}");
    } else if (text.equals("2")) {
      sendText("3");
    } else if (text.startsWith("42/realtime,[\"authenticated\"")) {
      if (bandwidth != null) {
        sendText("42/realtime,[\"network_info\",{\"bandwidth\":\"" + bandwidth + "\"}]");
      }
      StringBuilder list = new StringBuilder();
      for (String channel : channels) {
        list.append(list.length() == 0 ? "" : ",").append('"').append(channel).append('"');
      }
      sendText("42/realtime,1[\"join_channel\",{\"channels\":[" + list + "]}]");
    } else if (text.startsWith("43/realtime,1")) {
      joined.countDown();
    } else if (text.startsWith("42/realtime,")) {
      Matcher event = EVENT.matcher(text);
      if (!event.find()) {
        return;
      }
      Matcher priority = PRIORITY.matcher(text);
      Matcher seq = SEQ.matcher(text);
      Matcher ts = TS.matcher(text);
      sink.received(
          this,
          new Received(
              event.group(1),
              priority.find() ? priority.group(1) : "",
              seq.find() ? Long.parseLong(seq.group(1)) : -1,
              ts.find() ? Long.parseLong(ts.group(1)) : now,
              now));
    }
  }

  private void sendText(String text) throws IOException {
    send(0x1, text.getBytes(StandardCharsets.UTF_8));
  }

  private synchronized void send(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // closing anyway
    }
    inflater.end();
  }
}
