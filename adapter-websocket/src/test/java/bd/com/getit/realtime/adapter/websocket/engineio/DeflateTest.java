package bd.com.getit.realtime.adapter.websocket.engineio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.zip.DataFormatException;
import org.junit.jupiter.api.Test;

class DeflateTest {

  private static final byte[] TEXT =
      "4[\"notification\",{\"title_bn\":\"অর্ডার পাঠানো হয়েছে\"}]"
          .repeat(40)
          .getBytes(StandardCharsets.UTF_8);

  @Test
  void aMessageCompressesWithoutTheFlushTailAndInflatesBack() throws Exception {
    byte[] compressed = Deflate.compress(TEXT);

    assertThat(compressed.length).isLessThan(TEXT.length / 5);
    assertThat(Deflate.decompress(compressed, TEXT.length)).isEqualTo(TEXT);
    // no context is kept: the same message compresses to the same bytes every time
    assertThat(Deflate.compress(TEXT)).isEqualTo(compressed);
  }

  @Test
  void inflationStopsAtTheLimit() {
    byte[] bomb = Deflate.compress(new byte[10_000_000]);

    assertThat(bomb.length).isLessThan(20_000);
    assertThatThrownBy(() -> Deflate.decompress(bomb, 1_000_000))
        .isInstanceOf(DataFormatException.class)
        .hasMessageContaining("1000000");
  }

  @Test
  void dataThatIsNotDeflateIsRefused() {
    assertThatThrownBy(() -> Deflate.decompress(new byte[] {(byte) 0xff, 1, 2, 3}, 1000))
        .isInstanceOf(DataFormatException.class);
  }
}
