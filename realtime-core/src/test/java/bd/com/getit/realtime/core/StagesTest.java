package bd.com.getit.realtime.core;

import static bd.com.getit.realtime.core.testing.Fixtures.code;
import static bd.com.getit.realtime.core.testing.Fixtures.done;
import static org.assertj.core.api.Assertions.assertThat;

import bd.com.getit.realtime.domain.ErrorCode;
import bd.com.getit.realtime.domain.RealtimeException;
import org.junit.jupiter.api.Test;

class StagesTest {

  @Test
  void guardTurnsThrowsIntoFailedStages() {
    assertThat(
            code(
                Stages.guard(
                    () -> {
                      throw new RealtimeException(ErrorCode.CONFLICT, "x");
                    })))
        .isEqualTo(ErrorCode.CONFLICT);
    assertThat(code(Stages.guard(() -> null))).isEqualTo(ErrorCode.INTERNAL);
    assertThat(done(Stages.guard(() -> Stages.completed("v")))).isEqualTo("v");
  }

  @Test
  void failedCarriesCodeAndDetail() {
    RealtimeException e =
        bd.com.getit.realtime.core.testing.Fixtures.failure(
            Stages.failed(ErrorCode.NOT_FOUND, "d"));
    assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND);
    assertThat(e.getMessage()).isEqualTo("d");
    assertThat(done(Stages.done())).isNull();
  }
}
