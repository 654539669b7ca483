/**
 * Events from other services: the PROTOCOL section 8 envelope, validated, de-duplicated, routed.
 */
package bd.com.getit.realtime.core.ingest;
