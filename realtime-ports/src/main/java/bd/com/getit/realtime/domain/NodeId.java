package bd.com.getit.realtime.domain;

/** The id of one server node of a cluster. */
public record NodeId(String value) {
  public NodeId {
    Ids.require(value, "node id");
  }

  public static NodeId of(String value) {
    return new NodeId(value);
  }

  // Written out: the generated equals and hashCode go through an invokedynamic method-handle
  // chain that the profile of a chat message showed as several percent of its CPU (ids are map
  // keys and compared in loops on every message).
  @Override
  public boolean equals(Object other) {
    return other == this || (other instanceof NodeId o && value.equals(o.value));
  }

  @Override
  public int hashCode() {
    return value.hashCode();
  }

  @Override
  public String toString() {
    return value;
  }
}
