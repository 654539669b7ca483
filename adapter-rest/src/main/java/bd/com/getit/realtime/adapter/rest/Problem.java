package bd.com.getit.realtime.adapter.rest;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.Language;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Locale;

/**
 * An error body of RFC 9457 ({@code application/problem+json}) with the PROTOCOL section 7 {@code
 * code}, a Bangla {@code detail_bn} and, when rate limited, {@code retry_after_ms}.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(
    String type,
    String title,
    int status,
    String detail,
    String code,
    String detailBn,
    Long retryAfterMs) {

  static final String MEDIA_TYPE = "application/problem+json";
  static final MediaType PROBLEM_JSON = MediaType.valueOf(MEDIA_TYPE);
  static final String WWW_AUTHENTICATE = "Bearer realm=\"realtime\"";

  static Problem of(ErrorCode code, int status, String detail, long retryAfterMs) {
    return new Problem(
        "urn:realtime:problem:" + code.name().toLowerCase(Locale.ROOT),
        code.message(Language.EN),
        status,
        detail == null ? code.message(Language.EN) : detail,
        code.name(),
        code.message(Language.BN),
        retryAfterMs > 0 ? retryAfterMs : null);
  }

  static Problem of(ErrorCode code, String detail) {
    return of(code, code.httpStatus(), detail, 0);
  }

  /** The response carrying this problem, with {@code Retry-After} (whole seconds) on a wait. */
  Response toResponse() {
    Response.ResponseBuilder r = Response.status(status).type(PROBLEM_JSON).entity(this);
    if (retryAfterMs != null) {
      r.header("Retry-After", Math.max(1, (retryAfterMs + 999) / 1000));
    }
    if (status == 401) {
      r.header("WWW-Authenticate", WWW_AUTHENTICATE);
    }
    return r.build();
  }
}
