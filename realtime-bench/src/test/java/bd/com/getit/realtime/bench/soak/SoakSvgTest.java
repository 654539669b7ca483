package bd.com.getit.realtime.bench.soak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class SoakSvgTest {

  private static final List<SoakSample> SAMPLES =
      List.of(
          new SoakSample(0, 50, 80, Double.NaN, 40, 100, 0, 0, 0, 0, 1, 4, 2, 0),
          new SoakSample(30, 75, 90, 20, 40, 150, 0, 0, 0, 0, 1, 2, 2, 0),
          new SoakSample(60, 100, 70, 40, 40, 200, 0, 0, 0, 0, 1, 8, 2, 0));

  private static Document parse(String svg) throws Exception {
    return DocumentBuilderFactory.newInstance()
        .newDocumentBuilder()
        .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void drawsOnePanelPerSeriesScaledFromZeroToItsMaximum() throws Exception {
    Document svg = parse(SoakSvg.render("soak <test> & co", SAMPLES));

    NodeList lines = svg.getElementsByTagName("polyline");
    assertThat(lines.getLength()).isEqualTo(5);
    // RSS: the first panel spans y 44 to 134 and x 70 to 700; 50, 75, 100 of a maximum of 100.
    assertThat(lines.item(0).getAttributes().getNamedItem("points").getNodeValue())
        .isEqualTo("70.0,89.0 385.0,66.5 700.0,44.0");
    // Heap after GC: the sample not measured yet is left out, not drawn as 0.
    assertThat(lines.item(1).getAttributes().getNamedItem("points").getNodeValue())
        .isEqualTo("385.0,207.0 700.0,162.0");
    // Threads, constant: a flat line at the top of its panel (y 280 to 370).
    assertThat(lines.item(2).getAttributes().getNamedItem("points").getNodeValue())
        .isEqualTo("70.0,280.0 385.0,280.0 700.0,280.0");
    assertThat(svg.getDocumentElement().getAttribute("width")).isEqualTo("720");
    assertThat(svg.getDocumentElement().getTextContent())
        .contains("soak <test> & co")
        .contains("RSS (MiB)")
        .contains("delivery p99")
        .contains("0 min")
        .contains("1 min");
  }

  @Test
  void refusesAnEmptyRun() {
    assertThatThrownBy(() -> SoakSvg.render("t", List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no samples");
  }
}
