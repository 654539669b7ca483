/** The rate and connection limits of PROTOCOL section 7, counted in a shared store. */
package bd.com.getit.realtime.core.limits;
