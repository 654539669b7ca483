/** A socket as the cluster knows it, the quality of its link, and its recovery session. */
package bd.com.getit.realtime.domain.connection;
