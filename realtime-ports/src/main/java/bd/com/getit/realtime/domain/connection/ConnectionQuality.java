package bd.com.getit.realtime.domain.connection;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import java.util.Objects;

/** What the client reports of its link; drives delivery adaptation (PROTOCOL section 6). */
public record ConnectionQuality(Bandwidth bandwidth, int latencyMs, double packetLoss) {
  public ConnectionQuality {
    Objects.requireNonNull(bandwidth, "bandwidth");
    if (latencyMs < 0 || latencyMs > 600_000) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "latency_ms out of range");
    }
    if (packetLoss < 0 || packetLoss > 1 || Double.isNaN(packetLoss)) {
      throw new RealtimeException(ErrorCode.PAYLOAD_INVALID, "packet_loss is between 0 and 1");
    }
  }
}
