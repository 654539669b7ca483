package bd.com.getit.realtime.domain;

/** The languages the server writes text in for people; Bangla is the platform's first. */
public enum Language {
  EN,
  BN;

  public static Language fromTag(String tag) {
    return tag != null && tag.toLowerCase(java.util.Locale.ROOT).startsWith("bn") ? BN : EN;
  }
}
