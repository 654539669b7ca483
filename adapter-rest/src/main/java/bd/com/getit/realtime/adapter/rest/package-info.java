/**
 * The REST API of PROTOCOL section 9 on Jersey: resources that call the use cases only, DTOs and
 * their MapStruct mapper, the bearer-token filter, CORS, the body limit and problem+json errors.
 */
package bd.com.getit.realtime.adapter.rest;
