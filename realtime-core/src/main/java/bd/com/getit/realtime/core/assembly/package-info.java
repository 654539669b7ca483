/**
 * The core assembled from one adapter per driven port: configuration, the port bundle and the
 * {@code RealtimeCore} builder that embedders and the reference server use.
 */
package bd.com.getit.realtime.core.assembly;
