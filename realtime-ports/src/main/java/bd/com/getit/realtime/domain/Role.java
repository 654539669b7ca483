package bd.com.getit.realtime.domain;

import java.util.Locale;
import java.util.Optional;

/** The roles of a principal (the JWT {@code roles} claim), plus {@code guest}. */
public enum Role {
  CUSTOMER,
  VENDOR,
  SUPPORT_AGENT,
  ADMIN,
  SERVICE,
  GUEST;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Role> fromWire(String name) {
    for (Role r : values()) {
      if (r.wireName().equals(name)) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  /** Staff may read and join every chat room. */
  public boolean isStaff() {
    return this == SUPPORT_AGENT || this == ADMIN;
  }
}
