/** Presence: each device's status aggregated per user, idle sweeps and online counts. */
package bd.com.getit.realtime.core.presence;
