package bd.com.getit.realtime.domain.presence;

import java.util.Map;

/**
 * Online user counts: in total, by division and by {@code division/district}; users with no
 * location count under {@link #OTHER}.
 */
public record OnlineUsers(long total, Map<String, Long> byDivision, Map<String, Long> byDistrict) {
  public static final String OTHER = "Other";

  public OnlineUsers {
    byDivision = Map.copyOf(byDivision);
    byDistrict = Map.copyOf(byDistrict);
  }
}
