/** Live auctions: bids checked against the shared auction state, closing from published events. */
package bd.com.getit.realtime.core.auction;
