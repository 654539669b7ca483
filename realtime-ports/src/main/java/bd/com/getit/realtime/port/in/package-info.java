/**
 * Driving ports: the use cases the gateway, the REST API and the event consumers call, one
 * interface per capability, each method taking a self-validating command or query record.
 */
package bd.com.getit.realtime.port.in;
