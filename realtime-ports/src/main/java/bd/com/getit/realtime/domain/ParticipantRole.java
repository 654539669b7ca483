package bd.com.getit.realtime.domain;

import java.util.Locale;

/** A participant's part in a room. */
public enum ParticipantRole {
  OWNER,
  MEMBER,
  CUSTOMER,
  VENDOR,
  AGENT,
  ADMIN;

  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
