/** Token verification for the reference server: JWTs checked with nimbus-jose-jwt. */
package bd.com.getit.realtime.app.security;
