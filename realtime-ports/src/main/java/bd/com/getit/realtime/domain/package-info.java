/** Domain value types: immutable, self-validating records shared by the core and every adapter. */
package bd.com.getit.realtime.domain;
