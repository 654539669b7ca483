/**
 * The domain core: services behind the use-case ports and the seams they share (fanout, limits,
 * subscriptions, connection lifecycle). Pure Java; speaks to the world through driven ports only.
 */
package bd.com.getit.realtime.core;
