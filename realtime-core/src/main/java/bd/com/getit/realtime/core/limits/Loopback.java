package bd.com.getit.realtime.core.limits;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * Recognises loopback client addresses ({@code 127.0.0.0/8}, {@code ::1}, and IPv4-mapped loopback)
 * from their text. Only IP literals are parsed, so no name is ever resolved.
 */
final class Loopback {
  private static final Pattern IPV4 = Pattern.compile("(\\d{1,3})(\\.\\d{1,3}){3}");
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

  private Loopback() {}

  static boolean isLoopback(String address) {
    String a = address.strip();
    if (a.startsWith("[") && a.endsWith("]")) {
      a = a.substring(1, a.length() - 1);
    }
    int zone = a.indexOf('%');
    if (zone >= 0) {
      a = a.substring(0, zone);
    }
    if (IPV4.matcher(a).matches()) {
      return isLoopbackV4(a);
    }
    if (!a.contains(":") || !IPV6.matcher(a).matches()) {
      return false;
    }
    try {
      // Brackets make the JDK parse an IPv6 literal and fail rather than look the text up.
      return InetAddress.getByName("[" + a + "]").isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean isLoopbackV4(String a) {
    String[] octets = a.split("\\.");
    for (String octet : octets) {
      if (Integer.parseInt(octet) > 255) {
        return false;
      }
    }
    return Integer.parseInt(octets[0]) == 127;
  }
}
