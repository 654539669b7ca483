package bd.com.getit.realtime.domain;

/** The id of one server node of a cluster. */
public record NodeId(String value) {
  public NodeId {
    Ids.require(value, "node id");
  }

  public static NodeId of(String value) {
    return new NodeId(value);
  }

  @Override
  public String toString() {
    return value;
  }
}
