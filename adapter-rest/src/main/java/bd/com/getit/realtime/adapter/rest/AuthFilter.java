package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Principal;
import bd.com.getit.realtime.domain.RealtimeException;
import bd.com.getit.realtime.port.out.TokenVerifier;
import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Locale;
import java.util.Objects;

/**
 * Verifies the {@code Authorization: Bearer} token of every matched request with the {@link
 * TokenVerifier} and puts the {@link Caller} in the security context; 401 with {@code
 * WWW-Authenticate: Bearer} and {@code AUTH_REQUIRED}, {@code AUTH_INVALID} or {@code AUTH_EXPIRED}
 * otherwise. Runs after matching, so that an unknown route is 404 whoever asks; resources marked
 * {@link PermitAll} (the OpenAPI document) are open.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {
  private static final String BEARER = "bearer ";

  private final TokenVerifier verifier;
  @Context private ResourceInfo resource;

  AuthFilter(TokenVerifier verifier) {
    this.verifier = Objects.requireNonNull(verifier, "verifier");
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource != null
        && resource.getResourceClass() != null
        && resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
      return;
    }
    String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
    if (header == null || header.isBlank()) {
      request.abortWith(Problem.of(ErrorCode.AUTH_REQUIRED, null).toResponse());
      return;
    }
    if (!header.toLowerCase(Locale.ROOT).startsWith(BEARER)
        || header.substring(BEARER.length()).isBlank()) {
      request.abortWith(
          Problem.of(ErrorCode.AUTH_INVALID, "expected Authorization: Bearer <token>")
              .toResponse());
      return;
    }
    Principal principal;
    try {
      principal = verifier.verify(header.substring(BEARER.length()).strip());
    } catch (RealtimeException e) {
      request.abortWith(Problem.of(authCode(e.code()), e.getMessage()).toResponse());
      return;
    } catch (RuntimeException e) {
      request.abortWith(Problem.of(ErrorCode.AUTH_INVALID, null).toResponse());
      return;
    }
    if (principal.isGuest()) {
      request.abortWith(Problem.of(ErrorCode.AUTH_REQUIRED, null).toResponse());
      return;
    }
    request.setSecurityContext(
        new CallerContext(Caller.of(principal), request.getSecurityContext().isSecure()));
  }

  private static ErrorCode authCode(ErrorCode code) {
    return code == ErrorCode.AUTH_EXPIRED || code == ErrorCode.AUTH_REQUIRED
        ? code
        : ErrorCode.AUTH_INVALID;
  }

  /** The verified caller as a {@link java.security.Principal}. */
  record CallerPrincipal(Caller caller) implements java.security.Principal {
    @Override
    public String getName() {
      return caller.user().value();
    }
  }

  /** The verified caller, as JAX-RS hands it to resources. */
  record CallerContext(Caller caller, boolean secure) implements SecurityContext {
    /** The caller of {@code context}, which may be Jersey's proxy of the request's context. */
    static Caller of(SecurityContext context) {
      if (context.getUserPrincipal() instanceof CallerPrincipal p) {
        return p.caller();
      }
      throw new RealtimeException(ErrorCode.AUTH_REQUIRED, null);
    }

    @Override
    public java.security.Principal getUserPrincipal() {
      return new CallerPrincipal(caller);
    }

    @Override
    public boolean isUserInRole(String role) {
      return caller.principal().roles().stream().anyMatch(r -> r.wireName().equals(role));
    }

    @Override
    public boolean isSecure() {
      return secure;
    }

    @Override
    public String getAuthenticationScheme() {
      return "Bearer";
    }
  }
}
