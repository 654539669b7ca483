/** Who is online, on which devices, doing what, and where. */
package bd.com.getit.realtime.domain.presence;
