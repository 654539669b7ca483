/** Chat rooms, membership, history, typing, read receipts, messages and role-gated broadcasts. */
package bd.com.getit.realtime.core.chat;
