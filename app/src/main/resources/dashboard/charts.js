// Line charts of the last minutes, drawn with uPlot (served from its WebJar).
import uPlot from "../webjars/uplot/dist/uPlot.esm.js";

const POINTS = 180;
const COLOURS = ["#0b6e4f", "#2e86c1", "#b03a2e", "#7d3c98"];

/**
 * A chart of series that share one time axis; push() adds one point to each and redraws. Times
 * and numbers on the axes are written by the given formatters (the reader's language).
 */
export class LineChart {
  constructor(element, labels, formatTime, formatNumber) {
    this.element = element;
    this.formatTime = formatTime;
    this.formatNumber = formatNumber;
    this.data = [[], ...labels.map(() => [])];
    this.build(labels);
    window.addEventListener("resize", () => this.plot.setSize(this.size()));
  }

  size() {
    return { width: Math.max(240, this.element.clientWidth), height: 180 };
  }

  build(labels) {
    this.plot?.destroy();
    this.plot = new uPlot(
      {
        ...this.size(),
        series: [
          { value: (u, v) => (v == null ? "–" : this.formatTime(new Date(v * 1000))) },
          ...labels.map((label, i) => ({ label, stroke: COLOURS[i % COLOURS.length], width: 2, spanGaps: true })),
        ],
        axes: [
          { values: (u, ticks) => ticks.map((v) => this.formatTime(new Date(v * 1000))) },
          { values: (u, ticks) => ticks.map((v) => this.formatNumber(v, Number.isInteger(v) ? 0 : 1)) },
        ],
        scales: { y: { range: (u, min, max) => [0, Math.max(1, max * 1.1)] } },
        legend: { live: false },
      },
      this.data,
      this.element,
    );
  }

  /** New labels (the language changed): the same data, drawn again. */
  relabel(labels) {
    this.build(labels);
  }

  push(time, values) {
    this.data[0].push(time.getTime() / 1000);
    values.forEach((v, i) => this.data[i + 1].push(v));
    if (this.data[0].length > POINTS) this.data.forEach((series) => series.shift());
    this.plot.setData(this.data);
  }
}
