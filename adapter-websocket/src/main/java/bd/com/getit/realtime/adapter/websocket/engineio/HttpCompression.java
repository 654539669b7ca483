package bd.com.getit.realtime.adapter.websocket.engineio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Content coding of polling responses (PROTOCOL section 10.4), as the Node server does: gzip, or
 * deflate (zlib), when the request's {@code Accept-Encoding} allows it and the body reaches the
 * threshold; identity otherwise.
 */
enum HttpCompression {
  GZIP("gzip"),
  DEFLATE("deflate");

  private final String token;

  HttpCompression(String token) {
    this.token = token;
  }

  /** The {@code Content-Encoding} value. */
  String token() {
    return token;
  }

  /**
   * The coding to use for {@code acceptEncoding} (null when absent): gzip when accepted, else
   * deflate when accepted, else null. A coding with {@code q=0} is refused, as is {@code *;q=0}.
   */
  static HttpCompression choose(String acceptEncoding) {
    if (acceptEncoding == null || acceptEncoding.isBlank()) {
      return null;
    }
    boolean gzip = false;
    boolean deflate = false;
    Boolean any = null;
    for (String part : acceptEncoding.split(",")) {
      String[] pieces = part.trim().split(";");
      String name = pieces[0].trim().toLowerCase(Locale.ROOT);
      boolean accepted = true;
      for (int i = 1; i < pieces.length; i++) {
        String parameter = pieces[i].trim().toLowerCase(Locale.ROOT);
        if (parameter.startsWith("q=")) {
          accepted = !parameter.substring(2).trim().matches("0(\\.0{0,3})?");
        }
      }
      switch (name) {
        case "gzip", "x-gzip" -> gzip = accepted;
        case "deflate" -> deflate = accepted;
        case "*" -> any = accepted;
        default -> {
          // other codings (br, zstd) are not offered by this server
        }
      }
    }
    if (gzip
        || (Boolean.TRUE.equals(any)
            && !acceptEncoding.toLowerCase(Locale.ROOT).contains("gzip"))) {
      return GZIP;
    }
    return deflate ? DEFLATE : null;
  }

  /** {@code body} in this coding. */
  byte[] encode(byte[] body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 3 + 64);
    try (OutputStream coder =
        this == GZIP ? new GZIPOutputStream(out, 8192) : new DeflaterOutputStream(out)) {
      coder.write(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not expected: memory streams
    }
    return out.toByteArray();
  }
}
