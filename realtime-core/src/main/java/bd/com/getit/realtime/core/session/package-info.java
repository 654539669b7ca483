/** This node's live sessions and the channel index that the fanout hot path reads. */
package bd.com.getit.realtime.core.session;
