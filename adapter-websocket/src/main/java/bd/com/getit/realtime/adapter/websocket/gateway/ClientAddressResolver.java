package bd.com.getit.realtime.adapter.websocket.gateway;

import bd.com.getit.realtime.domain.IpAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The client address a connection limit counts (PROTOCOL section 7): the peer address, or, when the
 * peer is a trusted proxy, the right-most entry of {@code X-Forwarded-For} that is not a trusted
 * proxy. Entries left of it are written by the client and may be forged, so they are never used.
 * Only IP literals are parsed: no name is ever resolved. Addresses come back in the JDK's canonical
 * text, so that two spellings of one address share one limit. Immutable and thread-safe; the app
 * builds one from {@code REALTIME_TRUSTED_PROXIES}, and another inbound adapter can take {@link
 * #resolve} as a plain function.
 */
public final class ClientAddressResolver {

  private static final Pattern IPV4_WITH_PORT = Pattern.compile("(\\d{1,3}(\\.\\d{1,3}){3}):\\d+");
  private static final Pattern BRACKETED = Pattern.compile("\\[([^\\]]+)\\](:\\d+)?");

  private final List<Cidr> trusted;

  private ClientAddressResolver(List<Cidr> trusted) {
    this.trusted = List.copyOf(trusted);
  }

  /** Trusts no proxy: the peer address is the client address. */
  public static ClientAddressResolver peerOnly() {
    return new ClientAddressResolver(List.of());
  }

  /**
   * Trusts the proxies at these IP addresses or CIDR blocks ({@code 10.0.0.0/8}, {@code fd00::/8},
   * {@code 192.0.2.7}).
   *
   * @throws IllegalArgumentException naming the first entry that is not an IP or CIDR
   */
  public static ClientAddressResolver trusting(List<String> proxies) {
    List<Cidr> blocks = new ArrayList<>();
    for (String proxy : proxies) {
      blocks.add(Cidr.parse(proxy.strip()));
    }
    return new ClientAddressResolver(blocks);
  }

  /**
   * The client address of a connection from {@code peer} that carried these {@code X-Forwarded-For}
   * header values (each a comma-separated list, in the order received).
   */
  public String resolve(String peer, List<String> forwardedFor) {
    Optional<IpAddress> peerIp = IpAddress.parse(peer);
    if (peerIp.isEmpty()) {
      return peer == null || peer.isBlank() ? "unknown" : peer.strip();
    }
    IpAddress client = peerIp.get();
    if (!isTrusted(client) || forwardedFor == null) {
      // The peer's own text when it is already the canonical form: every idle socket keeps this
      // address (its connection info), and a second copy of it would be 56 bytes more.
      String text = client.toString();
      return text.equals(peer) ? peer : text;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      if (header != null) {
        for (String hop : header.split(",")) {
          hops.add(hop.strip());
        }
      }
    }
    // Right to left: each trusted hop vouches for the entry it appended, up to the first untrusted.
    for (int i = hops.size() - 1; i >= 0; i--) {
      Optional<IpAddress> hop = IpAddress.parse(withoutPort(hops.get(i)));
      if (hop.isEmpty()) {
        break; // a trusted proxy wrote no address here: the nearest trusted hop is all we know
      }
      client = hop.get();
      if (!isTrusted(client)) {
        break;
      }
    }
    return client.toString();
  }

  /** Whether any proxy is trusted. */
  public boolean trustsProxies() {
    return !trusted.isEmpty();
  }

  private boolean isTrusted(IpAddress address) {
    for (Cidr block : trusted) {
      if (block.contains(address)) {
        return true;
      }
    }
    return false;
  }

  /** Strips the port some proxies append: {@code 1.2.3.4:80}, {@code [::1]:80}. */
  private static String withoutPort(String hop) {
    var bracketed = BRACKETED.matcher(hop);
    if (bracketed.matches()) {
      return bracketed.group(1);
    }
    var v4 = IPV4_WITH_PORT.matcher(hop);
    return v4.matches() ? v4.group(1) : hop;
  }

  /** An address block; a bare address is a block of one. */
  private record Cidr(byte[] network, int prefix) {

    static Cidr parse(String text) {
      int slash = text.indexOf('/');
      String address = slash < 0 ? text : text.substring(0, slash);
      IpAddress ip =
          IpAddress.parse(address)
              .orElseThrow(() -> new IllegalArgumentException("not an IP or CIDR: '" + text + "'"));
      byte[] bytes = ip.bytes();
      int bits = bytes.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        try {
          prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("not an IP or CIDR: '" + text + "'");
        }
        if (ip.isV4() && address.contains(":")) {
          prefix -= 96; // ::ffff:a.b.c.d/120 names the IPv4 block a.b.c.d/24
        }
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException("prefix out of range in '" + text + "'");
        }
      }
      return new Cidr(bytes, prefix);
    }

    boolean contains(IpAddress address) {
      byte[] other = address.bytes();
      if (other.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (other[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xff << (8 - rest)) & 0xff;
      return (other[full] & mask) == (network[full] & mask);
    }
  }
}
