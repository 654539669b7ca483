/** What nodes tell each other: bus records and messages, addresses, status and figures. */
package bd.com.getit.realtime.domain.cluster;
