/** Bids and what became of them. */
package bd.com.getit.realtime.domain.auction;
