package bd.com.getit.realtime.domain;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An IP address read from its literal text: the one parser of client and proxy addresses, for the
 * core's limits and the transports alike. Only IP literals are read ({@code 192.0.2.7}, {@code
 * ::1}, {@code [::1]}, {@code fe80::1%eth0}, {@code ::ffff:10.0.0.1}), so no name is ever looked
 * up. An IPv4-mapped IPv6 literal is the IPv4 address it maps.
 *
 * @param value the JDK's address, compared by its bytes
 */
public record IpAddress(InetAddress value) {
  private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  public IpAddress {
    Objects.requireNonNull(value, "value");
  }

  /**
   * The address written in {@code text} (surrounding blanks, IPv6 brackets and a zone allowed), or
   * empty when it is no IP literal; never a DNS lookup.
   */
  public static Optional<IpAddress> parse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String a = text.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    if (IPV4.matcher(a).matches()) {
      return v4(a);
    }
    if (!a.contains(":") || !IPV6.matcher(a).matches()) {
      return Optional.empty();
    }
    try {
      // Brackets make the JDK parse an IPv6 literal and fail rather than look the text up.
      return Optional.of(new IpAddress(InetAddress.getByName("[" + a + "]")));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code text} is a loopback literal ({@code 127.0.0.0/8}, {@code ::1}, mapped). */
  public static boolean isLoopback(String text) {
    return parse(text).map(IpAddress::isLoopback).orElse(false);
  }

  public boolean isLoopback() {
    return value.isLoopbackAddress();
  }

  public boolean isV4() {
    return value instanceof Inet4Address;
  }

  /** The address's bytes: 4 for IPv4, 16 for IPv6; a copy. */
  public byte[] bytes() {
    return value.getAddress();
  }

  /** The canonical text, so two spellings of one address read the same. */
  @Override
  public String toString() {
    return value.getHostAddress();
  }

  private static Optional<IpAddress> v4(String a) {
    byte[] bytes = new byte[4];
    String[] octets = a.split("\\.");
    for (int i = 0; i < 4; i++) {
      int octet = Integer.parseInt(octets[i]);
      if (octet > 255) {
        return Optional.empty();
      }
      bytes[i] = (byte) octet;
    }
    try {
      return Optional.of(new IpAddress(InetAddress.getByAddress(bytes)));
    } catch (UnknownHostException e) {
      return Optional.empty(); // not reached: four bytes are always an address
    }
  }
}
