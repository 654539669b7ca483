package bd.com.getit.realtime.adapter.websocket.socketio;

import java.time.Duration;
import java.util.Objects;

/**
 * How the Socket.IO layer behaves; defaults as the Node server.
 *
 * @param connectTimeout how long a session may stay without joining any namespace (45 s)
 * @param maxAttachments the most binary attachments one packet may announce (10)
 * @param maxAttachmentBytes the most bytes the attachments of one packet may hold (1,000,000)
 * @param recoveryEnabled whether connection state recovery ({@code pid} and {@code offset}) is on
 * @param maxPendingAcks the most server emits per socket waiting for the client's ack (1000)
 */
public record SocketIoOptions(
    Duration connectTimeout,
    int maxAttachments,
    long maxAttachmentBytes,
    boolean recoveryEnabled,
    int maxPendingAcks) {

  public SocketIoOptions {
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    if (connectTimeout.isNegative() || connectTimeout.isZero()) {
      throw new IllegalArgumentException("connectTimeout must be positive");
    }
    if (maxAttachments < 0) {
      throw new IllegalArgumentException("maxAttachments must not be negative");
    }
    if (maxAttachmentBytes < 0) {
      throw new IllegalArgumentException("maxAttachmentBytes must not be negative");
    }
    if (maxPendingAcks < 1) {
      throw new IllegalArgumentException("maxPendingAcks must be positive");
    }
  }

  public static SocketIoOptions defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link SocketIoOptions}, starting from the defaults. */
  public static final class Builder {
    private Duration connectTimeout = Duration.ofMillis(45_000);
    private int maxAttachments = 10;
    private long maxAttachmentBytes = 1_000_000;
    private boolean recoveryEnabled;
    private int maxPendingAcks = 1000;

    private Builder() {}

    public Builder connectTimeout(Duration connectTimeout) {
      this.connectTimeout = connectTimeout;
      return this;
    }

    public Builder maxAttachments(int maxAttachments) {
      this.maxAttachments = maxAttachments;
      return this;
    }

    public Builder maxAttachmentBytes(long maxAttachmentBytes) {
      this.maxAttachmentBytes = maxAttachmentBytes;
      return this;
    }

    public Builder recoveryEnabled(boolean recoveryEnabled) {
      this.recoveryEnabled = recoveryEnabled;
      return this;
    }

    public Builder maxPendingAcks(int maxPendingAcks) {
      this.maxPendingAcks = maxPendingAcks;
      return this;
    }

    public SocketIoOptions build() {
      return new SocketIoOptions(
          connectTimeout, maxAttachments, maxAttachmentBytes, recoveryEnabled, maxPendingAcks);
    }
  }
}
