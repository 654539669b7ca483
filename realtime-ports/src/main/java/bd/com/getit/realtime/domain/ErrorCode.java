package bd.com.getit.realtime.domain;

/**
 * The error codes of PROTOCOL section 7, each with its English and Bangla message and the HTTP
 * status the REST API answers with.
 */
public enum ErrorCode {
  AUTH_REQUIRED(401, "Authentication is required", "প্রমাণীকরণ প্রয়োজন"),
  AUTH_INVALID(401, "The token is invalid", "টোকেনটি বৈধ নয়"),
  AUTH_EXPIRED(401, "The token has expired", "টোকেনের মেয়াদ শেষ হয়ে গেছে"),
  FORBIDDEN(403, "You are not allowed to do this", "আপনার এই কাজের অনুমতি নেই"),
  CHANNEL_INVALID(400, "The channel name is invalid", "চ্যানেলের নামটি বৈধ নয়"),
  CHANNEL_UNKNOWN(400, "The channel type is unknown", "চ্যানেলের ধরনটি অজানা"),
  CHANNEL_LIMIT(429, "Too many channels on this connection", "এই সংযোগে অনেক বেশি চ্যানেল"),
  NOT_SUBSCRIBED(403, "You have not joined this channel", "আপনি এই চ্যানেলে যোগ দেননি"),
  READ_ONLY_CHANNEL(
      403, "Messages cannot be sent to this channel", "এই চ্যানেলে বার্তা পাঠানো যায় না"),
  RATE_LIMITED(
      429, "Too many requests, please slow down", "অনেক বেশি অনুরোধ, একটু পরে চেষ্টা করুন"),
  PAYLOAD_INVALID(422, "The request is invalid", "অনুরোধটি বৈধ নয়"),
  PAYLOAD_TOO_LARGE(413, "The request is too large", "অনুরোধটি অনেক বড়"),
  SPAM_DETECTED(429, "The message looks like spam", "বার্তাটি স্প্যামের মতো দেখাচ্ছে"),
  CONNECTION_LIMIT(429, "Too many connections", "অনেক বেশি সংযোগ"),
  NOT_FOUND(404, "Not found", "পাওয়া যায়নি"),
  CONFLICT(
      409,
      "The request conflicts with the current state",
      "অনুরোধটি বর্তমান অবস্থার সাথে সাংঘর্ষিক"),
  INTERNAL(500, "Something went wrong on our side", "আমাদের দিকে একটি সমস্যা হয়েছে");

  private final int httpStatus;
  private final String english;
  private final String bangla;

  ErrorCode(int httpStatus, String english, String bangla) {
    this.httpStatus = httpStatus;
    this.english = english;
    this.bangla = bangla;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String message(Language language) {
    return language == Language.BN ? bangla : english;
  }
}
