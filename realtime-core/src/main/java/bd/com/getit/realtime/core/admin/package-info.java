/** Operations for admins: cluster figures, live connections, remote disconnects, announcements. */
package bd.com.getit.realtime.core.admin;
