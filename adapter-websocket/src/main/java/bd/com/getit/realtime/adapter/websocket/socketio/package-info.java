/**
 * Socket.IO protocol 5 over Engine.IO: the packet codec, namespaces, acknowledgements, binary
 * attachments and connection state recovery on the wire.
 */
package bd.com.getit.realtime.adapter.websocket.socketio;
