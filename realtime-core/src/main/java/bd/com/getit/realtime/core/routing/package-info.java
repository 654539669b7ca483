/** Event routing: channel derivation, payload shapes and the cluster-wide fanout. */
package bd.com.getit.realtime.core.routing;
