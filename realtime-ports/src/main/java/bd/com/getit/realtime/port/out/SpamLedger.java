package bd.com.getit.realtime.port.out;

import bd.com.getit.realtime.domain.chat.SpamLimits;
import bd.com.getit.realtime.domain.chat.SpamSample;
import bd.com.getit.realtime.domain.chat.SpamVerdict;
import java.util.concurrent.CompletionStage;

/**
 * Each user's recent chat messages, shared by every node of a cluster, so that a user spamming
 * through two nodes is caught as through one. Which texts are alike and what the limits are is the
 * core's policy; the ledger counts and remembers. Thread-safe; returns at once, completes later.
 */
public interface SpamLedger {

  /**
   * Judges {@code sample} against {@code limits} over the sender's messages of the window ending at
   * {@code sample.at()}, and remembers it when it passes. Judging and remembering are one atomic
   * step per sender across the cluster: two nodes can never both pass the message that breaks a
   * limit. A refused message is not remembered. The repeat rule is checked before the room rule.
   * What the ledger keeps of a sender expires one window after their last passed message.
   */
  CompletionStage<SpamVerdict> judge(SpamSample sample, SpamLimits limits);
}
