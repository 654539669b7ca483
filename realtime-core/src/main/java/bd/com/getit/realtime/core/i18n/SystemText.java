package bd.com.getit.realtime.core.i18n;

import bd.com.getit.realtime.domain.Language;
import bd.com.getit.realtime.domain.LocalizedText;

/**
 * The texts the core's services write for people, in English and Bangla: the details of their
 * failures. The English text is the exception's detail; adapters may show the Bangla one.
 */
public enum SystemText {
  GUESTS_NOT_ALLOWED("Please sign in to do this", "এটি করতে অনুগ্রহ করে সাইন ইন করুন"),
  NO_LIVE_CONNECTION("You have no live connection", "আপনার কোনো সক্রিয় সংযোগ নেই"),
  ROOM_NOT_FOUND("The chat room does not exist", "চ্যাট রুমটি নেই"),
  ROOM_CLOSED("The chat room is closed", "চ্যাট রুমটি বন্ধ"),
  ROOM_FULL("The chat room is full", "চ্যাট রুমটি পূর্ণ"),
  CLOSE_NOT_ALLOWED(
      "Only staff or the room's creator can close it",
      "শুধু সাপোর্ট টিম বা রুমটি যিনি খুলেছেন তিনিই এটি বন্ধ করতে পারেন"),
  STAFF_ONLY("Only staff can do this", "শুধু সাপোর্ট টিম এটি করতে পারে"),
  NOT_A_PARTICIPANT("You are not in this chat room", "আপনি এই চ্যাট রুমে নেই"),
  JOIN_NOT_ALLOWED(
      "You may not add this user to the room", "আপনি এই ব্যবহারকারীকে রুমে যোগ করতে পারবেন না"),
  MESSAGE_NOT_FOUND("The message does not exist in this room", "বার্তাটি এই রুমে নেই"),
  NOT_A_CHAT_CHANNEL("Messages go to chat channels only", "বার্তা শুধু চ্যাট চ্যানেলে পাঠানো যায়"),
  NOT_SUBSCRIBED("Join the channel before sending to it", "পাঠানোর আগে চ্যানেলে যোগ দিন"),
  BROADCAST_NOT_ALLOWED(
      "You may not broadcast on this channel", "আপনি এই চ্যানেলে সম্প্রচার করতে পারবেন না"),
  RESERVED_EVENT("This event name is reserved", "এই ইভেন্টের নামটি সংরক্ষিত"),
  NOTIFICATION_NOT_FOUND("The notification does not exist", "বিজ্ঞপ্তিটি নেই"),
  SENDERS_ONLY(
      "Only services and admins may send notifications",
      "শুধু সার্ভিস ও অ্যাডমিন বিজ্ঞপ্তি পাঠাতে পারে"),
  BID_TOO_LOW(
      "Your bid must be higher than the current highest bid",
      "আপনার দর বর্তমান সর্বোচ্চ দরের চেয়ে বেশি হতে হবে"),
  AUCTION_CLOSED("The auction has closed", "নিলামটি বন্ধ হয়ে গেছে"),
  BID_AMOUNT_INVALID(
      "A bid is a positive amount with at most two decimals",
      "দর শূন্যের চেয়ে বেশি এবং সর্বোচ্চ দুই দশমিক ঘরের হতে হবে");

  private final LocalizedText text;

  SystemText(String english, String bangla) {
    this.text = LocalizedText.of(english, bangla);
  }

  public String english() {
    return text.english();
  }

  public String in(Language language) {
    return text.in(language);
  }

  public LocalizedText text() {
    return text;
  }
}
