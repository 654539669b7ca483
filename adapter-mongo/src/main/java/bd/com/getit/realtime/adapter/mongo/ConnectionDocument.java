package bd.com.getit.realtime.adapter.mongo;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A {@code realtime_connections} document; {@code _id} is the socket id. Holds no session secret
 * (the recovery pid is never stored). {@code status} is derived from {@code disconnected_at};
 * {@code expires_at} is when MongoDB's TTL monitor removes the record.
 */
record ConnectionDocument(
    String id,
    String userId,
    String nodeId,
    String transport,
    String clientAddress,
    Instant connectedAt,
    Instant lastActivity,
    Instant disconnectedAt,
    List<String> channels,
    LocationDocument location,
    NetworkDocument networkInfo,
    Instant expiresAt) {

  static final String USER_ID = "user_id";
  static final String CONNECTED_AT = "connected_at";
  static final String LAST_ACTIVITY = "last_activity";
  static final String DISCONNECTED_AT = "disconnected_at";
  static final String STATUS = "status";
  static final String CHANNELS = "channels";
  static final String LOCATION = "location";
  static final String NETWORK_INFO = "network_info";
  static final String EXPIRES_AT = "expires_at";
  static final String CONNECTED = "connected";
  static final String DISCONNECTED = "disconnected";

  Document toBson() {
    return new Document("_id", id)
        .append(USER_ID, userId)
        .append("node_id", nodeId)
        .append("transport", transport)
        .append("client_address", clientAddress)
        .append("user_agent", null) // the gateway does not pass the handshake's User-Agent yet
        .append(CONNECTED_AT, Date.from(connectedAt))
        .append(LAST_ACTIVITY, Date.from(lastActivity))
        .append(DISCONNECTED_AT, disconnectedAt == null ? null : Date.from(disconnectedAt))
        .append(STATUS, disconnectedAt == null ? CONNECTED : DISCONNECTED)
        .append(CHANNELS, channels)
        .append(LOCATION, location == null ? null : location.toBson())
        .append(NETWORK_INFO, networkInfo == null ? null : networkInfo.toBson())
        .append(EXPIRES_AT, Date.from(expiresAt));
  }

  static ConnectionDocument fromBson(Document d) {
    return new ConnectionDocument(
        Fields.text(d, "_id"),
        Fields.text(d, USER_ID),
        Fields.text(d, "node_id"),
        Fields.text(d, "transport"),
        Fields.text(d, "client_address"),
        Fields.instant(d, CONNECTED_AT),
        Fields.instant(d, LAST_ACTIVITY),
        Fields.optionalInstant(d, DISCONNECTED_AT),
        Fields.list(d, CHANNELS, String.class),
        LocationDocument.fromBson(Fields.optionalDocument(d, LOCATION)),
        NetworkDocument.fromBson(Fields.optionalDocument(d, NETWORK_INFO)),
        Fields.optionalInstant(d, EXPIRES_AT));
  }
}
