/**
 * Driven ports: what the core needs from the outside world (stores, the cluster bus, delivery to
 * sockets, token verification, time and ids). Adapters implement them.
 */
package bd.com.getit.realtime.port.out;
