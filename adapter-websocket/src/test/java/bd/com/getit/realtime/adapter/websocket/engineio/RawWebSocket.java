package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A websocket client written on a plain socket, so that a test sees the frames as they are on the
 * wire (RSV1, compressed payloads) and can send what a real client library would refuse to: a
 * compressed frame that inflates to far more than the server's limit.
 */
final class RawWebSocket implements AutoCloseable {

  /** One frame as received. */
  record Frame(boolean fin, boolean rsv1, int opcode, byte[] payload) {
    String text() {
      return new String(payload, StandardCharsets.UTF_8);
    }

    /** The payload, inflated when RSV1 says it is compressed (RFC 7692 section 7.2.2). */
    String inflatedText() throws Exception {
      if (!rsv1) {
        return text();
      }
      byte[] input = Arrays.copyOf(payload, payload.length + 4);
      input[payload.length + 2] = (byte) 0xff;
      input[payload.length + 3] = (byte) 0xff;
      Inflater inflater = new Inflater(true);
      try {
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[8192];
        int n;
        while ((n = inflater.inflate(chunk)) > 0) {
          out.write(chunk, 0, n);
        }
        return out.toString(StandardCharsets.UTF_8);
      } finally {
        inflater.end();
      }
    }
  }

  /** Inflates one message with an inflater that keeps its window (context takeover). */
  static String inflate(Inflater inflater, byte[] payload) throws Exception {
    byte[] input = Arrays.copyOf(payload, payload.length + 4);
    input[payload.length + 2] = (byte) 0xff;
    input[payload.length + 3] = (byte) 0xff;
    inflater.setInput(input);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    int n;
    while ((n = inflater.inflate(chunk)) > 0) {
      out.write(chunk, 0, n);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  final int status;
  final Map<String, String> headers;

  private RawWebSocket(Socket socket, int status, Map<String, String> headers) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.status = status;
    this.headers = headers;
  }

  /** Opens {@code path} on {@code port}, offering {@code extensions} (null: none). */
  static RawWebSocket open(int port, String path, String extensions) throws IOException {
    return upgrade(connected(port), path, extensions);
  }

  /** A connection to {@code port} on which no request is sent yet. */
  static Socket connected(int port) throws IOException {
    Socket socket = new Socket("127.0.0.1", port);
    socket.setSoTimeout(5000);
    return socket;
  }

  /** Asks for {@code path} as a websocket on a connection {@link #connected} before. */
  static RawWebSocket upgrade(Socket socket, String path, String extensions) throws IOException {
    String request =
        "GET "
            + path
            + " HTTP/1.1\r\n"
            + "Host: localhost\r\n"
            + "Connection: Upgrade\r\n"
            + "Upgrade: websocket\r\n"
            + "Sec-WebSocket-Version: 13\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
            + (extensions == null ? "" : "Sec-WebSocket-Extensions: " + extensions + "\r\n")
            + "\r\n";
    socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
    DataInputStream in = new DataInputStream(socket.getInputStream());
    String statusLine = line(in);
    Map<String, String> headers = new LinkedHashMap<>();
    for (String header = line(in); !header.isEmpty(); header = line(in)) {
      int colon = header.indexOf(':');
      headers.put(
          header.substring(0, colon).trim().toLowerCase(Locale.ROOT),
          header.substring(colon + 1).trim());
    }
    return new RawWebSocket(socket, Integer.parseInt(statusLine.split(" ")[1]), headers);
  }

  private static String line(DataInputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != '\n') {
      if (c < 0) {
        throw new EOFException("connection closed in the handshake");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /** The next frame; throws on timeout or end of stream. */
  Frame next() throws IOException {
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
    return new Frame((first & 0x80) != 0, (first & 0x40) != 0, first & 0x0f, payload);
  }

  /** The next data frame, skipping pings from the server (answered) and the like. */
  Frame nextData() throws IOException {
    while (true) {
      Frame frame = next();
      if (frame.opcode() == 1 || frame.opcode() == 2 || frame.opcode() == 8) {
        return frame;
      }
    }
  }

  void sendText(String text) throws IOException {
    send(0x1, false, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Sends {@code text} compressed as permessage-deflate does, RSV1 set. */
  void sendCompressedText(String text) throws IOException {
    send(0x1, true, deflate(text.getBytes(StandardCharsets.UTF_8)));
  }

  /** Sends a frame as it is given: any opcode, RSV1 and payload. */
  void send(int opcode, boolean rsv1, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream();
    frame.write(0x80 | (rsv1 ? 0x40 : 0) | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length <= 0xffff) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length & 0xff);
    } else {
      frame.write(0x80 | 127);
      for (int i = 7; i >= 0; i--) {
        frame.write((int) ((long) payload.length >>> (8 * i)) & 0xff);
      }
    }
    byte[] mask = {1, 2, 3, 4};
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  /** Raw DEFLATE with a sync flush, the tail removed: a permessage-deflate payload. */
  static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try {
      deflater.setInput(data);
      byte[] buffer = new byte[data.length + 1024];
      int length = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
      return Arrays.copyOf(buffer, length - 4);
    } finally {
      deflater.end();
    }
  }

  /** Whether the server has closed the connection: nothing more comes (within the timeout). */
  boolean endOfStream() throws IOException {
    try {
      return in.read() < 0;
    } catch (java.net.SocketException e) {
      return true; // reset: closed just as well
    }
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
