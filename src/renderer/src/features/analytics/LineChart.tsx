import { useId } from 'react';

export interface ChartSeries {
  key: string;
  name: string;
  /** One value per period, null where nothing was measured (the line breaks there). */
  values: (number | null)[];
}

const WIDTH = 560;
const HEIGHT = 200;
const PAD = { left: 64, right: 12, top: 10, bottom: 26 };
const MAX_SERIES_DRAWN = 8;

/** Shapes told apart without colour; the colours (Okabe–Ito, per theme in analytics.css) are the second sign. */
const markers = ['circle', 'square', 'triangle', 'diamond', 'cross', 'triangleDown', 'plus', 'bar'] as const;
const dashes = ['', '6 3', '2 3', '8 3 2 3', '', '6 3', '2 3', '8 3 2 3'];

export function Marker({ index, x, y, size = 4 }: { index: number; x: number; y: number; size?: number }) {
  const s = size;
  switch (markers[index % markers.length]) {
    case 'circle':
      return <circle cx={x} cy={y} r={s} />;
    case 'square':
      return <rect x={x - s} y={y - s} width={s * 2} height={s * 2} />;
    case 'triangle':
      return <path d={`M${x} ${y - s - 1}L${x + s + 1} ${y + s}L${x - s - 1} ${y + s}Z`} />;
    case 'diamond':
      return <path d={`M${x} ${y - s - 1}L${x + s + 1} ${y}L${x} ${y + s + 1}L${x - s - 1} ${y}Z`} />;
    case 'cross':
      return <path d={`M${x - s} ${y - s}L${x + s} ${y + s}M${x + s} ${y - s}L${x - s} ${y + s}`} strokeWidth={2.5} fill="none" />;
    case 'triangleDown':
      return <path d={`M${x - s - 1} ${y - s}L${x + s + 1} ${y - s}L${x} ${y + s + 1}Z`} />;
    case 'plus':
      return <path d={`M${x - s - 1} ${y}H${x + s + 1}M${x} ${y - s - 1}V${y + s + 1}`} strokeWidth={2.5} fill="none" />;
    default:
      return <rect x={x - s - 1} y={y - 2} width={s * 2 + 2} height={4} />;
  }
}

/** A round top for the value axis: 1, 2, 4 or 5 times a power of ten, at or above the highest value. */
export function niceCeiling(max: number): number {
  if (max <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 4, 5, 10].map((step) => step * power).find((top) => top >= max) ?? 10 * power;
}

/** Durations are rounded in the unit they are shown in (hours past 90 minutes, days past 48 hours), so the ticks read 1 h, 2 h… */
export function niceTop(max: number, unit: 'minutes' | 'plain'): number {
  if (unit === 'plain' || max < 90) return niceCeiling(max);
  const size = max < 48 * 60 ? 60 : 1440;
  return niceCeiling(max / size) * size;
}

/**
 * A small line chart, drawn by hand in SVG: one line per series over the periods, each with its own
 * marker shape and dash as well as colour. It is an image with a title and a written description for
 * screen readers; the legend and the table beside it carry the same figures as text.
 */
export function LineChart({
  title,
  description,
  periodLabels,
  series,
  formatValue,
  unit,
}: {
  title: string;
  description: string;
  periodLabels: string[];
  series: ChartSeries[];
  formatValue(value: number): string;
  unit: 'minutes' | 'plain';
}) {
  const id = useId();
  const drawn = series.slice(0, MAX_SERIES_DRAWN);
  const values = drawn.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const top = niceTop(Math.max(0, ...values), unit);
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const count = periodLabels.length;
  const x = (i: number) => PAD.left + (count <= 1 ? plotWidth / 2 : (i * plotWidth) / (count - 1));
  const y = (v: number) => PAD.top + plotHeight - (v / top) * plotHeight;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * top);
  // Labels on the time axis: the first, the last and a few between, so they never overlap.
  const every = Math.max(1, Math.ceil(count / 6));
  const labelled = periodLabels.map((label, i) => ({ label, i })).filter(({ i }) => i % every === 0 || i === count - 1);

  return (
    <svg className="analytics-chart__svg" viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
      <title id={`${id}-title`}>{title}</title>
      <desc id={`${id}-desc`}>{description}</desc>
      <g className="analytics-chart__grid" aria-hidden="true">
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end">
              {formatValue(tick)}
            </text>
          </g>
        ))}
        {labelled.map(({ label, i }) => (
          <text key={i} x={x(i)} y={HEIGHT - 6} textAnchor={count > 1 && i === count - 1 ? 'end' : count > 1 && i === 0 ? 'start' : 'middle'}>
            {label}
          </text>
        ))}
      </g>
      {drawn.map((s, index) => {
        // The line breaks where a period has no figure, rather than pretending one.
        const segments: string[] = [];
        let current = '';
        s.values.forEach((v, i) => {
          if (v === null) {
            if (current) segments.push(current);
            current = '';
          } else current += `${current ? 'L' : 'M'}${x(i)} ${y(v)}`;
        });
        if (current) segments.push(current);
        return (
          <g key={s.key} className={`analytics-series analytics-series--${index}`} aria-hidden="true">
            {segments.map((d) => (
              <path key={d} d={d} fill="none" strokeWidth={2} strokeDasharray={dashes[index] || undefined} />
            ))}
            {s.values.map((v, i) => (v === null ? null : <Marker key={i} index={index} x={x(i)} y={y(v)} />))}
          </g>
        );
      })}
    </svg>
  );
}
