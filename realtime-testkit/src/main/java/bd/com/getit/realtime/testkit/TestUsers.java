package bd.com.getit.realtime.testkit;

import bd.com.getit.realtime.domain.ConnectionId;
import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.Role;
import bd.com.getit.realtime.domain.UserId;
import bd.com.getit.realtime.domain.VendorId;
import java.util.Optional;
import java.util.Set;

/** The people (and services) of a test, as principals: {@code TestUsers.customer()}. */
public final class TestUsers {

  private TestUsers() {}

  /** The default customer, {@code customer-1}. */
  public static Principal customer() {
    return customer("customer-1");
  }

  public static Principal customer(String id) {
    return principal(id, Role.CUSTOMER, "Customer " + id);
  }

  /** A customer who reads Bangla. */
  public static Principal banglaCustomer(String id) {
    return new Principal(
        UserId.of(id), Set.of(Role.CUSTOMER), Optional.empty(), Language.BN, "গ্রাহক " + id);
  }

  /** A user acting for vendor {@code vendorId}; the user id is {@code vendor-user-<vendorId>}. */
  public static Principal vendor(String vendorId) {
    return new Principal(
        UserId.of("vendor-user-" + vendorId),
        Set.of(Role.VENDOR),
        Optional.of(VendorId.of(vendorId)),
        Language.EN,
        "Vendor " + vendorId);
  }

  /** The default support agent, {@code agent-1}. */
  public static Principal agent() {
    return agent("agent-1");
  }

  public static Principal agent(String id) {
    return principal(id, Role.SUPPORT_AGENT, "Agent " + id);
  }

  /** The default admin, {@code admin-1}. */
  public static Principal admin() {
    return principal("admin-1", Role.ADMIN, "Admin");
  }

  /** Another backend service (order service), a trusted publisher. */
  public static Principal service() {
    return principal("order-service", Role.SERVICE, "Order service");
  }

  /** A guest on connection {@code guest-sid-1}. */
  public static Principal guest() {
    return guest("guest-sid-1");
  }

  public static Principal guest(String connectionId) {
    return Principal.guest(ConnectionId.of(connectionId));
  }

  private static Principal principal(String id, Role role, String name) {
    return new Principal(UserId.of(id), Set.of(role), Optional.empty(), Language.EN, name);
  }
}
