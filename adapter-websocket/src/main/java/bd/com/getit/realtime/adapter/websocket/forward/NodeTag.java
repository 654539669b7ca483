package bd.com.getit.realtime.adapter.websocket.forward;

import bd.com.getit.realtime.domain.NodeId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A short, URL-safe mark of a node that ends each Engine.IO session id it creates ({@code
 * <random>.<tag>}): any node tells a session's owner from its id alone. Derived from the node id
 * (its SHA-256, 36 bits in six base64url characters), so every node computes the same tag for a
 * peer and the node id itself, which may name a host, is not shown to clients.
 */
public record NodeTag(String value) {
  private static final int LENGTH = 6;
  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{" + LENGTH + "}");

  public NodeTag {
    Objects.requireNonNull(value, "value");
    if (!SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a node tag is " + LENGTH + " base64url characters, was '" + value + "'");
    }
  }

  /** The tag of {@code node}. */
  public static NodeTag of(NodeId node) {
    Objects.requireNonNull(node, "node");
    try {
      byte[] hash =
          MessageDigest.getInstance("SHA-256")
              .digest(node.value().getBytes(StandardCharsets.UTF_8));
      return new NodeTag(
          Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, LENGTH));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** The tag that ends {@code sid}; empty for an id without one (or null, or malformed). */
  public static Optional<NodeTag> ofSid(String sid) {
    if (sid == null) {
      return Optional.empty();
    }
    int dot = sid.lastIndexOf('.');
    if (dot <= 0 || sid.length() - dot - 1 != LENGTH) {
      return Optional.empty();
    }
    String tag = sid.substring(dot + 1);
    return SHAPE.matcher(tag).matches() ? Optional.of(new NodeTag(tag)) : Optional.empty();
  }

  /** What this node appends to its session ids. */
  public String sidSuffix() {
    return "." + value;
  }

  @Override
  public String toString() {
    return value;
  }
}
