package bd.com.getit.realtime.domain.chat;

/** What a {@link bd.com.getit.realtime.port.out.SpamLedger} made of one message. */
public enum SpamVerdict {
  /** Within the limits; the message is remembered. */
  PASSED,
  /** The same text was written {@code maxRepeats} times in the window already. */
  REPEATED,
  /** The user wrote to {@code maxRooms} other rooms in the window already. */
  TOO_MANY_ROOMS
}
