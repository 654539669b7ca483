/** Chat rooms, their participants and messages, and history pages. */
package bd.com.getit.realtime.domain.chat;
