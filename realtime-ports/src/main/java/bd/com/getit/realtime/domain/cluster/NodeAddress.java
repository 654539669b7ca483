package bd.com.getit.realtime.domain.cluster;

import bd.com.getit.realtime.domain.NodeId;
import java.net.URI;
import java.util.Objects;

/**
 * Where the other nodes of a cluster reach one node over HTTP: its base URL, {@code
 * http(s)://host:port}, with no path beyond {@code /}, query or fragment.
 */
public record NodeAddress(NodeId node, URI url) {
  public NodeAddress {
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(url, "url");
    String scheme = url.getScheme();
    if (!"http".equals(scheme) && !"https".equals(scheme)) {
      throw new IllegalArgumentException("node url must be http(s)://host:port, was " + url);
    }
    if (url.getHost() == null
        || url.getRawQuery() != null
        || url.getRawFragment() != null
        || url.getRawUserInfo() != null
        || !(url.getRawPath() == null
            || url.getRawPath().isEmpty()
            || "/".equals(url.getRawPath()))) {
      throw new IllegalArgumentException(
          "node url must be http(s)://host:port with no path, query or user, was " + url);
    }
  }

  public static NodeAddress of(NodeId node, String url) {
    Objects.requireNonNull(url, "url");
    try {
      return new NodeAddress(node, new URI(url));
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("node url is not a URI: " + url, e);
    }
  }
}
