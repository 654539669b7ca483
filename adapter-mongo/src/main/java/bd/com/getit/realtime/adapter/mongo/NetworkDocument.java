package bd.com.getit.realtime.adapter.mongo;

import org.bson.Document;

/** A {@code network_info} sub-document: the link quality a client last reported. */
record NetworkDocument(String bandwidth, long latencyMs, double packetLoss) {

  Document toBson() {
    return new Document("bandwidth", bandwidth)
        .append("latency_ms", latencyMs)
        .append("packet_loss", packetLoss);
  }

  static NetworkDocument fromBson(Document d) {
    if (d == null) {
      return null;
    }
    Object loss = d.get("packet_loss");
    if (!(loss instanceof Number)) {
      throw new MalformedDocumentException("network_info.packet_loss should be a number");
    }
    return new NetworkDocument(
        Fields.text(d, "bandwidth"), Fields.whole(d, "latency_ms"), ((Number) loss).doubleValue());
  }
}
