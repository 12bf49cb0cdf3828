/**
 * A bar chart of a report's trend (the SLA by month). The table below it carries the same figures,
 * so the chart is an image with a text alternative, not the only way to read them.
 */
import { CHART_SERIES_COLOURS, COLOUR } from '../../../shared/design-tokens';
import type { ReportChart as Chart } from '../../../shared/reports';

const WIDTH = 720;
const HEIGHT = 260;
const PLOT = { left: 44, right: 8, top: 12, bottom: 40 };
// NHS blue and a dark orange (the PDF draws with the same tokens): told apart by shape too.
const COLOURS = CHART_SERIES_COLOURS;

export function ReportChart({ chart }: { chart: Chart }) {
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const plotHeight = HEIGHT - PLOT.top - PLOT.bottom;
  const slot = plotWidth / chart.categories.length;
  const bar = (slot * 0.7) / chart.series.length;
  const y = (value: number) => PLOT.top + plotHeight - (value / 100) * plotHeight;
  const summary = chart.series
    .map(
      (s) =>
        `${s.name}: ${s.values.map((v, i) => `${chart.categories[i]} ${v === null ? 'none completed' : `${v}${chart.unit}`}`).join(', ')}`,
    )
    .join('. ');
  return (
    <figure className="report-chart">
      <figcaption>{chart.title}</figcaption>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${chart.title}. ${summary}.`}>
        {[0, 25, 50, 75, 100].map((tick) => (
          <g key={tick}>
            <line
              x1={PLOT.left}
              x2={WIDTH - PLOT.right}
              y1={y(tick)}
              y2={y(tick)}
              stroke={COLOUR.border}
              strokeWidth="0.5"
            />
            <text x={PLOT.left - 6} y={y(tick) + 4} textAnchor="end" fontSize="11" fill={COLOUR.text}>
              {tick}
              {chart.unit}
            </text>
          </g>
        ))}
        {chart.categories.map((category, i) => (
          <g key={category}>
            {chart.series.map((series, s) => {
              const value = series.values[i];
              if (value === null || value === undefined) return null;
              return (
                <rect
                  key={series.name}
                  x={PLOT.left + i * slot + slot * 0.15 + s * bar}
                  y={y(value)}
                  width={bar}
                  height={PLOT.top + plotHeight - y(value)}
                  fill={COLOURS[s % COLOURS.length]}
                />
              );
            })}
            <text
              x={PLOT.left + i * slot + slot / 2}
              y={HEIGHT - PLOT.bottom + 16}
              textAnchor="middle"
              fontSize="10"
              fill={COLOUR.text}
            >
              {category}
            </text>
          </g>
        ))}
      </svg>
      <ul className="chart-legend">
        {chart.series.map((series, s) => (
          <li key={series.name}>
            <span
              className="chart-swatch"
              style={{ background: COLOURS[s % COLOURS.length] }}
              aria-hidden="true"
            />
            {series.name}
          </li>
        ))}
      </ul>
    </figure>
  );
}
