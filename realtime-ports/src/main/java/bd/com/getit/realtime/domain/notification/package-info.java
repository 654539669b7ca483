/** Notifications to users and their status. */
package bd.com.getit.realtime.domain.notification;
