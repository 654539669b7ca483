/**
 * The core assembled in plain Java: the {@code RealtimeCore} builder over the grouped driven ports
 * ({@code StateStores}, {@code RecordStores}, {@code ClusterPorts}, {@code OutboundPorts}), its
 * configuration, and the maintenance that runs the core's periodic chores.
 */
package bd.com.getit.realtime.core.assembly;
