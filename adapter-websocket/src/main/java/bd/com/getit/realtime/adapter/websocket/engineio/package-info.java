/**
 * Engine.IO protocol 4: packets, sessions, heartbeat, the websocket and long-polling transports and
 * the upgrade between them. Usable on its own, without Socket.IO on top.
 */
package bd.com.getit.realtime.adapter.websocket.engineio;
