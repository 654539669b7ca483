/**
 * Forwarding between the nodes of a cluster: a polling request or a websocket upgrade for a session
 * that another node holds is served by that node, so a load balancer need not be sticky.
 */
package bd.com.getit.realtime.adapter.websocket.forward;
