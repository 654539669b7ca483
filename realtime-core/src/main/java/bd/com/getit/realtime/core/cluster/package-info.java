/** Cluster membership: this node's heartbeat and the cleanup of nodes that died without leaving. */
package bd.com.getit.realtime.core.cluster;
