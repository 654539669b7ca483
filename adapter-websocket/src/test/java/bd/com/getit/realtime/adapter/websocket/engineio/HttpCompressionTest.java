package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpCompressionTest {

  @Test
  void prefersGzipThenDeflate() {
    assertThat(HttpCompression.choose("gzip, deflate, br")).isEqualTo(HttpCompression.GZIP);
    assertThat(HttpCompression.choose("br, deflate")).isEqualTo(HttpCompression.DEFLATE);
    assertThat(HttpCompression.choose("GZIP")).isEqualTo(HttpCompression.GZIP);
    assertThat(HttpCompression.choose("*")).isEqualTo(HttpCompression.GZIP);
  }

  @Test
  void aCodingWithQualityZeroIsRefused() {
    assertThat(HttpCompression.choose("gzip;q=0, deflate")).isEqualTo(HttpCompression.DEFLATE);
    assertThat(HttpCompression.choose("gzip;q=0.0")).isNull();
    assertThat(HttpCompression.choose("*;q=0")).isNull();
    assertThat(HttpCompression.choose("gzip;q=0.5")).isEqualTo(HttpCompression.GZIP);
  }

  @Test
  void noHeaderOrOnlyOtherCodingsMeansIdentity() {
    assertThat(HttpCompression.choose(null)).isNull();
    assertThat(HttpCompression.choose("")).isNull();
    assertThat(HttpCompression.choose("identity, br")).isNull();
  }
}
