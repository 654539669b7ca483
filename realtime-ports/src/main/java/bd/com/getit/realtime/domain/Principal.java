package bd.com.getit.realtime.domain;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a verified user with roles, or a guest. {@code vendorId} is present for users
 * acting for a vendor.
 */
public record Principal(
    UserId user, Set<Role> roles, Optional<VendorId> vendorId, Language language, String name) {

  public Principal {
    Objects.requireNonNull(user, "user");
    roles = Set.copyOf(roles);
    Objects.requireNonNull(vendorId, "vendorId");
    Objects.requireNonNull(language, "language");
    if (roles.isEmpty()) {
      throw new IllegalArgumentException("a principal has at least one role");
    }
    if (roles.contains(Role.GUEST) && roles.size() > 1) {
      throw new IllegalArgumentException("a guest has no other role");
    }
  }

  public static Principal guest(ConnectionId connection) {
    return new Principal(
        new UserId("guest:" + connection.value()),
        Set.of(Role.GUEST),
        Optional.empty(),
        Language.EN,
        null);
  }

  public static Principal of(UserId user, Set<Role> roles) {
    return new Principal(user, roles, Optional.empty(), Language.EN, null);
  }

  public boolean isGuest() {
    return roles.contains(Role.GUEST);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  public boolean isStaff() {
    return roles.stream().anyMatch(Role::isStaff);
  }

  /** Services and admins are trusted publishers, exempt from per-user event limits. */
  public boolean isTrusted() {
    return roles.contains(Role.SERVICE) || roles.contains(Role.ADMIN);
  }
}
