// A chart of shares (0–100%) against the 70% line, drawn with uPlot: lines for a trend (by month),
// bars for a comparison (by class). Readable without colour: each series has its own dash and its
// own point shape, named in the legend; the figures are always in the table beside it.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

export interface ShareSeries {
  label: string;
  /** Percent (0–100) per point; null where there is nothing to show. */
  values: (number | null)[];
  dash?: number[];
  width?: number;
}

const palette = ['#1f5fa8', '#b35806', '#555555'];

export function ShareChart({
  labels,
  series,
  bars = false,
  description,
  testId,
}: {
  labels: string[];
  series: ShareSeries[];
  bars?: boolean;
  description: string;
  testId: string;
}) {
  const host = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = host.current;
    if (!element) return;
    const widthOf = () => Math.max(240, Math.min(900, element.clientWidth || 640));
    const width = widthOf();
    const barPaths = uPlot.paths.bars?.({ size: [0.6, 40] });
    const plot = new uPlot(
      {
        width,
        height: 240,
        // Bars (and a single point) get half a category of room on each side.
        scales: {
          x: { time: false, range: bars || labels.length < 2 ? [-0.5, labels.length - 0.5] : [0, labels.length - 1] },
          y: { range: [0, 100] },
        },
        axes: [
          { values: (_u, ticks) => ticks.map((tick) => labels[tick] ?? '') },
          { values: (_u, ticks) => ticks.map((tick) => `${tick}%`) },
        ],
        series: [
          {},
          ...series.map((s, i) => ({
            label: s.label,
            stroke: palette[i % palette.length],
            width: s.width ?? 2,
            dash: s.dash,
            ...(bars && i === 0 && barPaths ? { paths: barPaths, fill: '#1f5fa833' } : {}),
            points: { show: !bars || i > 0, size: 7 },
          })),
        ],
        cursor: { show: false },
        // The legend names each series and its line; the values are in the table, not under a cursor.
        legend: { live: false },
      },
      [labels.map((_, i) => i), ...series.map((s) => s.values)] as uPlot.AlignedData,
      element,
    );
    // The chart follows its column's width (a window made narrower, a phone turned), as the tables do.
    const resized = new ResizeObserver(() => {
      if (widthOf() !== plot.width) plot.setSize({ width: widthOf(), height: 240 });
    });
    resized.observe(element);
    return () => {
      resized.disconnect();
      plot.destroy();
    };
  }, [JSON.stringify(labels), JSON.stringify(series), bars]);
  return <figure class="chart" data-testid={testId} aria-label={description} ref={host} />;
}
