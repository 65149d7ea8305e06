import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { createContext, useContext, useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { usePrinting } from '../use-printing';

// A chart's frame: scales, axes, a legend, a tooltip shared by its points, and a text alternative.
// Charts are React SVG; d3 only computes scales and paths.

export interface ChartScales {
  readonly x: ScaleLinear<number, number>;
  readonly y: ScaleLinear<number, number>;
}

export interface LegendEntry {
  readonly key: string;
  readonly label: string;
  /** CSS class of the swatch (colour and dash pattern, so colour is never the only cue). */
  readonly className: string;
}

interface Tip {
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

const TipContext = createContext<(tip: Tip | null) => void>(() => undefined);

/**
 * Chart sizes in SVG units: the SVG scales to its box, so a narrower chart gets a smaller viewBox to keep text
 * legible. The wide one is the outcome chart, drawn about 550 px wide beside the alerts in a 900 px frame.
 */
const SIZES = { wide: { width: 560, height: 230 }, narrow: { width: 400, height: 220 } } as const;
const MARGIN = { top: 12, right: 16, bottom: 36, left: 44 };

export interface ChartFrameProps {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xDomain: readonly [number, number];
  readonly yDomain: readonly [number, number];
  readonly yTicks?: readonly number[];
  readonly legend: readonly LegendEntry[];
  /** The same data as text (a table), for screen readers and anyone who prefers numbers. */
  readonly alternative: ReactNode;
  readonly alternativeLabel: string;
  readonly size?: keyof typeof SIZES;
  readonly children: (scales: ChartScales) => ReactNode;
}

export function ChartFrame(props: ChartFrameProps) {
  const [tip, setTip] = useState<Tip | null>(null);
  const titleId = useId();
  const box = SIZES[props.size ?? 'wide'];
  const x = scaleLinear()
    .domain(props.xDomain)
    .range([MARGIN.left, box.width - MARGIN.right]);
  const y = scaleLinear()
    .domain(props.yDomain)
    .range([box.height - MARGIN.bottom, MARGIN.top]);
  return (
    <figure className={`chart chart-${props.size ?? 'wide'}`} aria-labelledby={titleId}>
      <figcaption id={titleId} className="chart-title">
        {props.title}
      </figcaption>
      <svg
        viewBox={`0 0 ${box.width} ${box.height}`}
        className="chart-svg"
        aria-labelledby={titleId}
        role="group"
        onMouseLeave={() => setTip(null)}
        onKeyDown={movePointFocus}
      >
        <Axes scales={{ x, y }} box={box} yTicks={props.yTicks} xLabel={props.xLabel} yLabel={props.yLabel} />
        <TipContext.Provider value={setTip}>{props.children({ x, y })}</TipContext.Provider>
        {tip && <Tooltip tip={tip} width={box.width} />}
      </svg>
      {/* Under the plot, so that a long legend (the outcome chart's has five entries) never pushes the plot down. */}
      <Legend entries={props.legend} />
      <Alternative label={props.alternativeLabel}>{props.alternative}</Alternative>
    </figure>
  );
}

const STEP: Readonly<Record<string, (index: number, count: number) => number>> = {
  ArrowRight: (i) => i + 1,
  ArrowDown: (i) => i + 1,
  ArrowLeft: (i) => i - 1,
  ArrowUp: (i) => i - 1,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

/**
 * One tab stop per chart (its latest point); the arrow keys, Home and End move between points, so a long
 * history does not put a hundred stops between the buttons above and the table below.
 */
function movePointFocus(event: KeyboardEvent<SVGSVGElement>): void {
  const step = STEP[event.key];
  const points = [...event.currentTarget.querySelectorAll<SVGElement>('.point')];
  const index = points.findIndex((p) => p === event.target);
  if (!step || index < 0) return;
  event.preventDefault();
  points[Math.min(points.length - 1, Math.max(0, step(index, points.length)))]?.focus();
}

/** The text alternative; its table is built on first opening (a long history would otherwise cost every render). */
function Alternative({ label, children }: { readonly label: string; readonly children: ReactNode }) {
  const [opened, setOpened] = useState(false);
  const printing = usePrinting();
  return (
    <details
      className="chart-alternative"
      onToggle={(e) => {
        if (e.currentTarget.open) setOpened(true);
      }}
    >
      <summary>{label}</summary>
      {(opened || printing) && children}
    </details>
  );
}

function Legend({ entries }: { readonly entries: readonly LegendEntry[] }) {
  return (
    <ul className="chart-legend">
      {entries.map((e) => (
        <li key={e.key}>
          <svg width="24" height="10" aria-hidden="true">
            <line x1="0" x2="24" y1="5" y2="5" className={e.className} />
          </svg>
          {e.label}
        </li>
      ))}
    </ul>
  );
}

interface AxesProps {
  readonly scales: ChartScales;
  readonly box: { readonly width: number; readonly height: number };
  readonly yTicks: readonly number[] | undefined;
  readonly xLabel: string;
  readonly yLabel: string;
}

function Axes({ scales, box, yTicks, xLabel, yLabel }: AxesProps) {
  const { x, y } = scales;
  const xTicks = x.ticks(Math.min(10, Math.max(1, x.domain()[1]! - x.domain()[0]!))).filter(Number.isInteger);
  const { width, height } = box;
  const [bottom, left] = [height - MARGIN.bottom, MARGIN.left];
  return (
    <g className="axes" aria-hidden="true">
      {(yTicks ?? y.ticks(5)).map((v) => (
        <g key={`y${v}`}>
          <line x1={left} x2={width - MARGIN.right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={left - 6} y={y(v)} dy="0.32em" textAnchor="end">
            {v}
          </text>
        </g>
      ))}
      {xTicks.map((v) => (
        <text key={`x${v}`} x={x(v)} y={bottom + 16} textAnchor="middle">
          {v}
        </text>
      ))}
      <text x={(left + width - MARGIN.right) / 2} y={height - 4} textAnchor="middle" className="axis-label">
        {xLabel}
      </text>
      <text
        transform={`translate(12 ${(bottom + MARGIN.top) / 2}) rotate(-90)`}
        textAnchor="middle"
        className="axis-label"
      >
        {yLabel}
      </text>
    </g>
  );
}

function Tooltip({ tip, width: chartWidth }: { readonly tip: Tip; readonly width: number }) {
  const width = Math.min(chartWidth - 4, Math.max(80, tip.text.length * 7 + 12));
  const left = Math.min(Math.max(tip.x - width / 2, 2), chartWidth - width - 2);
  const top = tip.y - 34 < 0 ? tip.y + 10 : tip.y - 34;
  return (
    <g className="tooltip" pointerEvents="none" aria-hidden="true">
      <rect x={left} y={top} width={width} height={24} rx={4} />
      <text x={left + width / 2} y={top + 16} textAnchor="middle">
        {tip.text}
      </text>
    </g>
  );
}

/** A data point: focusable, labelled with its exact values, and showing them on hover and on focus. */
export interface PointMarkProps {
  readonly cx: number;
  readonly cy: number;
  readonly label: string;
  readonly className: string;
  readonly shape?: 'circle' | 'square';
  /** Kept in this tab, not in the record yet: drawn hollow (the label says so too). */
  readonly unsaved?: boolean | undefined;
  /** The chart's one tab stop (its latest point); the others are reached with the arrow keys. */
  readonly tabbable?: boolean;
}

export function PointMark(props: PointMarkProps) {
  const setTip = useContext(TipContext);
  const show = () => setTip({ x: props.cx, y: props.cy, text: props.label });
  const hide = () => setTip(null);
  const handlers = {
    tabIndex: props.tabbable ? 0 : -1,
    role: 'img',
    'aria-label': props.label,
    className: `point ${props.className}${props.unsaved ? ' point-unsaved' : ''}`,
    onMouseEnter: show,
    onFocus: show,
    onBlur: hide,
  };
  return props.shape === 'square' ? (
    <rect x={props.cx - 4} y={props.cy - 4} width={8} height={8} {...handlers} />
  ) : (
    <circle cx={props.cx} cy={props.cy} r={4.5} {...handlers} />
  );
}

/** An SVG path through the points, in order. */
export function pathOf<T>(
  data: readonly T[],
  px: (d: T, index: number) => number,
  py: (d: T, index: number) => number,
): string {
  return line<T>().x(px).y(py)(data) ?? '';
}

/**
 * Markers (focusable, with tooltips) for every point of a readable range; beyond about sixty they run into a
 * chain of beads, so only the latest is marked. The line still runs through every point, the range control
 * narrows the view to recent visits, and the table alternative lists them all.
 */
export const MAX_MARKERS = 60;

export function latestForMarkers<T>(points: readonly T[]): readonly T[] {
  return points.length > MAX_MARKERS ? points.slice(-1) : points;
}
