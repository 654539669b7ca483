package bd.com.getit.realtime.core.testdoubles;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.VendorId;
import java.util.Optional;
import java.util.Set;

/** Principals and callers of tests, in domain language. */
public final class People {

  private People() {}

  public static Principal customer(String id) {
    return Principal.of(UserId.of(id), Set.of(Role.CUSTOMER));
  }

  public static Principal vendor(String id, String vendorId) {
    return new Principal(
        UserId.of(id), Set.of(Role.VENDOR), Optional.of(VendorId.of(vendorId)), Language.EN, id);
  }

  public static Principal agent(String id) {
    return Principal.of(UserId.of(id), Set.of(Role.SUPPORT_AGENT));
  }

  public static Principal admin(String id) {
    return Principal.of(UserId.of(id), Set.of(Role.ADMIN));
  }

  public static Principal service(String id) {
    return Principal.of(UserId.of(id), Set.of(Role.SERVICE));
  }

  public static Principal guest(String socket) {
    return Principal.guest(ConnectionId.of(socket));
  }

  public static Caller rest(Principal p) {
    return Caller.of(p);
  }

  public static Caller socket(Principal p, String socket) {
    return Caller.of(p, ConnectionId.of(socket));
  }
}
