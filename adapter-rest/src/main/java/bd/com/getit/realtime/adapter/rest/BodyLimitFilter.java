package bd.com.getit.realtime.adapter.rest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Refuses bodies over the limit with 413: at once when {@code Content-Length} says so, otherwise
 * (chunked bodies) when the reader goes past the limit; nothing past the limit is read.
 */
@PreMatching
@Priority(100)
final class BodyLimitFilter implements ContainerRequestFilter {
  private final int limit;

  BodyLimitFilter(int limit) {
    this.limit = limit;
  }

  @Override
  public void filter(ContainerRequestContext request) {
    String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
    if (length != null) {
      try {
        if (Long.parseLong(length.strip()) > limit) {
          request.abortWith(Failures.toResponse(new BodyTooLargeException(limit)));
          return;
        }
      } catch (NumberFormatException e) {
        request.abortWith(Failures.toResponse(new InvalidRequestException("bad Content-Length")));
        return;
      }
    }
    // not hasEntity(): it reads ahead, which blocks on a GET that offers an "Upgrade: h2c"
    request.setEntityStream(new Bounded(request.getEntityStream(), limit));
  }

  /** Fails the read that would go past {@code limit} bytes. */
  static final class Bounded extends FilterInputStream {
    private final long limit;
    private long count;

    Bounded(InputStream in, long limit) {
      super(in);
      this.limit = limit;
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        count(1);
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      // ask for at most one byte past the limit: enough to tell, never more
      int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
      if (n > 0) {
        count(n);
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(Math.min(n, limit - count + 1));
      count(skipped);
      return skipped;
    }

    private void count(long n) throws BodyTooLargeException {
      count += n;
      if (count > limit) {
        throw new BodyTooLargeException(limit);
      }
    }
  }
}
