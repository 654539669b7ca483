/** Per-user notifications: validated, stored, delivered live or queued, and moved forward. */
package bd.com.getit.realtime.core.notification;
