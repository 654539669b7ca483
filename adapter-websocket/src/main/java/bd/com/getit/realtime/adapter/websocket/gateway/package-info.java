/**
 * The {@code /realtime} Socket.IO namespace: maps client events to the use-case ports and delivers
 * the core's outbound events to this node's sockets with bounded, shedding send queues.
 */
package bd.com.getit.realtime.adapter.websocket.gateway;
