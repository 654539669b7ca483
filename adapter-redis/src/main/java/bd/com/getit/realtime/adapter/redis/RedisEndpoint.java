package bd.com.getit.realtime.adapter.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import redis.clients.jedis.HostAndPort;

/**
 * Where Redis is, parsed from the configured URL: one server ({@code redis://} or {@code rediss://}
 * for TLS, as Jedis reads them), or a primary found through Redis Sentinel:
 *
 * <pre>redis-sentinel://[user:password@]host1:26379[,host2:26379...]/master-name[/db]</pre>
 *
 * ({@code rediss-sentinel://} for TLS to the sentinels and the primary). The credentials and the
 * database apply to the primary; the sentinels are asked without them. After a failover the client
 * follows the primary the sentinels name.
 */
sealed interface RedisEndpoint {

  /** Whether {@code scheme} is one this parser reads. */
  static boolean knows(String scheme) {
    return "redis".equals(scheme)
        || "rediss".equals(scheme)
        || "redis-sentinel".equals(scheme)
        || "rediss-sentinel".equals(scheme);
  }

  /** One Redis server; Jedis reads the rest of the URL. */
  record Single(URI uri) implements RedisEndpoint {
    /** Without the credentials, which must not reach a log. */
    @Override
    public String toString() {
      return uri.getScheme() + "://" + uri.getHost() + ":" + uri.getPort();
    }
  }

  /** A primary named {@code master}, found through {@code sentinels}. */
  record Sentinel(
      String master,
      Set<HostAndPort> sentinels,
      boolean tls,
      Optional<String> user,
      Optional<String> password,
      int database)
      implements RedisEndpoint {
    public Sentinel {
      Objects.requireNonNull(master, "master");
      sentinels = Set.copyOf(sentinels);
      if (sentinels.isEmpty()) {
        throw new IllegalArgumentException("a Sentinel URL names at least one sentinel");
      }
    }

    @Override
    public String toString() {
      return "Sentinel[master=" + master + ", sentinels=" + sentinels + ", tls=" + tls + "]";
    }
  }

  /** Parses {@code uri}; a URL of another form is an {@link IllegalArgumentException}. */
  static RedisEndpoint of(URI uri) {
    String scheme = uri.getScheme();
    if (!knows(scheme)) {
      throw new IllegalArgumentException(
          "the Redis URL starts with redis://, rediss://, redis-sentinel:// or rediss-sentinel://");
    }
    if (!scheme.endsWith("-sentinel")) {
      if (uri.getHost() == null) {
        throw new IllegalArgumentException("the Redis URL names a host");
      }
      return new Single(uri);
    }
    String authority = uri.getRawAuthority();
    if (authority == null || authority.isBlank()) {
      throw new IllegalArgumentException("a Sentinel URL names its sentinels: host:port,...");
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    int at = authority.lastIndexOf('@');
    if (at >= 0) {
      String info = authority.substring(0, at);
      authority = authority.substring(at + 1);
      int colon = info.indexOf(':');
      if (colon >= 0) {
        user = Optional.of(decode(info.substring(0, colon))).filter(u -> !u.isEmpty());
        password = Optional.of(decode(info.substring(colon + 1)));
      } else {
        password = Optional.of(decode(info));
      }
    }
    Set<HostAndPort> sentinels = new LinkedHashSet<>();
    for (String hostPort : authority.split(",")) {
      sentinels.add(hostAndPort(hostPort.trim()));
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String[] parts = path.replaceFirst("^/", "").split("/");
    if (parts.length == 0 || parts[0].isBlank() || parts.length > 2) {
      throw new IllegalArgumentException(
          "a Sentinel URL ends with /master-name or /master-name/db");
    }
    int database = 0;
    if (parts.length == 2) {
      try {
        database = Integer.parseInt(parts[1]);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("the database of a Sentinel URL is a number", e);
      }
      if (database < 0) {
        throw new IllegalArgumentException("the database of a Sentinel URL is 0 or more");
      }
    }
    return new Sentinel(
        decode(parts[0]), sentinels, scheme.startsWith("rediss"), user, password, database);
  }

  private static HostAndPort hostAndPort(String text) {
    int colon = text.lastIndexOf(':');
    if (colon <= 0 || colon == text.length() - 1) {
      throw new IllegalArgumentException("a sentinel is host:port, was '" + text + "'");
    }
    try {
      int port = Integer.parseInt(text.substring(colon + 1));
      if (port < 1 || port > 65_535) {
        throw new IllegalArgumentException("a sentinel's port is 1 to 65535, was " + port);
      }
      return new HostAndPort(text.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a sentinel is host:port, was '" + text + "'", e);
    }
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
