package bd.com.getit.realtime.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is acting: a verified user with roles, or a guest. {@code vendorId} is present for users
 * acting for a vendor.
 *
 * @param language the reader's language: the token's {@code locale} claim when {@code
 *     languageClaimed}, else the language the connection asked for (see {@link
 *     #withPreferredLanguage})
 * @param languageClaimed whether the token named the language, which then wins over what the client
 *     asks for
 */
public record Principal(
    UserId user,
    Set<Role> roles,
    Optional<VendorId> vendorId,
    Language language,
    String name,
    boolean languageClaimed) {

  /** A principal whose token named no language: {@code language} is a default. */
  public Principal(
      UserId user, Set<Role> roles, Optional<VendorId> vendorId, Language language, String name) {
    this(user, roles, vendorId, language, name, false);
  }

  /**
   * One shared set per single role: nearly every principal has one role, and a connection keeps its
   * principal for as long as it lives (a set of its own was 24 bytes per idle socket).
   */
  private static final List<Set<Role>> SINGLE_ROLES =
      Arrays.stream(Role.values()).map(Set::of).toList();

  public Principal {
    Objects.requireNonNull(user, "user");
    roles =
        roles.size() == 1 ? SINGLE_ROLES.get(roles.iterator().next().ordinal()) : Set.copyOf(roles);
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

  /**
   * This principal reading {@code preferred} (the handshake's {@code auth.locale}, else its {@code
   * Accept-Language}) unless the token named a language (PROTOCOL 10.3).
   */
  public Principal withPreferredLanguage(Optional<Language> preferred) {
    if (languageClaimed || preferred.isEmpty() || preferred.get() == language) {
      return this;
    }
    return new Principal(user, roles, vendorId, preferred.get(), name, false);
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
