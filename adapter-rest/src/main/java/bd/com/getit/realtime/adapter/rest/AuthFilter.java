package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.Caller;
import bd.com.getit.realtime.domain.ErrorCode;
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

/**
 * Verifies the {@code Authorization: Bearer} token of every matched request with the {@link
 * TokenVerifier} and puts the {@link Caller} in the security context; 401 with {@code
 * WWW-Authenticate: Bearer} and {@code AUTH_REQUIRED}, {@code AUTH_INVALID} or {@code AUTH_EXPIRED}
 * otherwise. Runs after matching, so that an unknown route is 404 whoever asks; resources marked
 * {@link PermitAll} (the OpenAPI document) are open.
 */
@Priority(Priorities.AUTHENTICATION)
final class AuthFilter implements ContainerRequestFilter {
  private final BearerAuth auth;
  @Context private ResourceInfo resource;

  AuthFilter(TokenVerifier verifier) {
    this.auth = new BearerAuth(verifier);
  }

  @Override
  public void filter(ContainerRequestContext request) {
    if (resource != null
        && resource.getResourceClass() != null
        && resource.getResourceClass().isAnnotationPresent(PermitAll.class)) {
      return;
    }
    BearerAuth.Outcome outcome =
        auth.authenticate(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    if (outcome instanceof BearerAuth.Authenticated ok) {
      request.setSecurityContext(
          new CallerContext(ok.caller(), request.getSecurityContext().isSecure()));
    } else if (outcome instanceof BearerAuth.Refused refused) {
      request.abortWith(refused.problem().toResponse());
    }
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
