/**
 * A bar chart of one Stats figure. Chart.js draws it on a canvas, loaded with import() the first time a chart
 * shows, so the rest of the app never loads it; each bar is a link (a click goes where the bar's rows are). After
 * the canvas come the same numbers as a table of links, for keyboard and screen-reader users. The chart is made once,
 * then given new data (chart.update()) as the worker's figures change, and destroyed with the component.
 *
 * No inline styles (the CSP forbids them): the canvas's box comes from stats.css; Chart.js sizes the canvas through
 * the CSSOM (setting properties, not markup or a style attribute), which the CSP allows; the pointer over a bar is a
 * class.
 */
import type { ActiveElement, Chart as ChartJs, ChartConfiguration, ChartEvent } from 'chart.js';
import { useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';

export interface Bar {
  /** The bar's name in the table and the tooltip ("1990s", "May 2019"). */
  label: string;
  /** A shorter name under the bar, when the label is long ("4.5★" for "4.5 stars"). */
  axisLabel?: string;
  value: number;
  /** Where the bar leads (the Library or the Diary filtered to it); null when nowhere. */
  href: string | null;
}

export interface BarChartProps {
  /** The chart's name: the start of its accessible summary and the table's caption. */
  title: string;
  /** The table's column headings: what the bars are and what the numbers count ("Decade", "Films"). */
  category: string;
  measure: string;
  /** What a value counts, singular and plural ("film", "films"), for the summary. */
  unit: readonly [string, string];
  bars: readonly Bar[];
  /** The bars' colour: the accent (viewings, films) or the star colour (ratings). */
  tone?: 'accent' | 'star';
}

type BarChartInstance = ChartJs<'bar', number[], string>;
type ChartClass = typeof ChartJs;

let chartModule: Promise<ChartClass> | null = null;
/** Chart.js with the bar chart's parts registered, loaded once (a chunk of its own). */
function loadChart(): Promise<ChartClass> {
  chartModule ??= import('./chart-setup').then(
    (module) => module.Chart,
    (error: unknown) => {
      chartModule = null; // a failed load is tried again by the next chart
      throw error;
    },
  );
  return chartModule;
}

const counted = (value: number, [one, many]: readonly [string, string]) => `${value.toLocaleString('en')} ${value === 1 ? one : many}`;

/** The canvas's accessible name: "Films by decade, 1970s to 1990s. Most: 1990s, 3 films." */
export function describeBars(title: string, bars: readonly Bar[], unit: readonly [string, string]): string {
  const first = bars[0];
  const last = bars[bars.length - 1];
  if (first === undefined || last === undefined) return `${title}: nothing to show.`;
  const range = first === last ? first.label : `${first.label} to ${last.label}`;
  const most = bars.reduce((best, bar) => (bar.value > best.value ? bar : best), first);
  return most.value === 0 ? `${title}, ${range}: none.` : `${title}, ${range}. Most: ${most.label}, ${counted(most.value, unit)}.`;
}

/** The page's colours, read from its CSS variables (so the chart follows the light or dark scheme). */
function colours(canvas: HTMLCanvasElement, tone: 'accent' | 'star') {
  const computed = getComputedStyle(canvas);
  const variable = (name: string, fallback: string) => computed.getPropertyValue(name).trim() || fallback;
  return {
    bar: tone === 'star' ? variable('--star', '#f2b134') : variable('--accent', '#e0483a'),
    text: variable('--text-quiet', '#b9ab95'),
    line: variable('--line', '#3a322c'),
    font: variable('--font-ui', 'system-ui, sans-serif'),
  };
}

const axisLabels = (bars: readonly Bar[]) => bars.map((bar) => bar.axisLabel ?? bar.label);
const values = (bars: readonly Bar[]) => bars.map((bar) => bar.value);

function sameData(chart: BarChartInstance, bars: readonly Bar[]): boolean {
  const labels = chart.data.labels ?? [];
  const data = chart.data.datasets[0]?.data ?? [];
  return labels.length === bars.length && bars.every((bar, at) => labels[at] === (bar.axisLabel ?? bar.label) && data[at] === bar.value);
}

/** Gives a chart new bars (Chart.js animates from the old ones); nothing when they are the same. */
function showBars(chart: BarChartInstance, bars: readonly Bar[]): void {
  const dataset = chart.data.datasets[0];
  if (!dataset || sameData(chart, bars)) return;
  chart.data.labels = axisLabels(bars);
  dataset.data = values(bars);
  chart.update();
}

function barChartConfig(
  canvas: HTMLCanvasElement,
  bars: readonly Bar[],
  tone: 'accent' | 'star',
  barAt: (index: number) => Bar | undefined,
  follow: (href: string) => void,
): ChartConfiguration<'bar', number[], string> {
  const { bar, text, line, font } = colours(canvas, tone);
  const reducedMotion = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  const hrefOf = (elements: readonly ActiveElement[]) => {
    const index = elements[0]?.index;
    return index === undefined ? null : (barAt(index)?.href ?? null);
  };
  return {
    type: 'bar',
    data: {
      labels: axisLabels(bars),
      datasets: [{ data: values(bars), backgroundColor: bar, hoverBackgroundColor: bar, borderRadius: 3, maxBarThickness: 44 }],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: reducedMotion ? false : { duration: 200 },
      // A click anywhere in a bar's column counts, so a bar of 0 or 1 is as easy to follow as a tall one.
      interaction: { mode: 'index', intersect: false },
      font: { family: font },
      scales: {
        x: { type: 'category', ticks: { color: text, font: { family: font } }, grid: { display: false }, border: { color: line } },
        y: { type: 'linear', beginAtZero: true, ticks: { color: text, precision: 0, font: { family: font } }, grid: { color: line }, border: { display: false } },
      },
      plugins: {
        tooltip: {
          displayColors: false,
          callbacks: { title: (items) => (items[0] === undefined ? '' : (barAt(items[0].dataIndex)?.label ?? '')) },
        },
      },
      onClick: (_event: ChartEvent, elements: ActiveElement[]) => {
        const href = hrefOf(elements);
        if (href !== null) follow(href);
      },
      onHover: (_event: ChartEvent, elements: ActiveElement[]) => {
        canvas.classList.toggle('is-pointing', hrefOf(elements) !== null);
      },
    },
  };
}

export function BarChart({ title, category, measure, unit, bars, tone = 'accent' }: BarChartProps) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const chartRef = useRef<BarChartInstance | null>(null);
  const barsRef = useRef(bars);
  const [, navigate] = useLocation();
  const navigateRef = useRef(navigate);
  const [broken, setBroken] = useState(false);

  useEffect(() => {
    barsRef.current = bars;
    navigateRef.current = navigate;
  });

  // Made once (when Chart.js has loaded), with the latest bars; destroyed on unmount.
  useEffect(() => {
    let live = true;
    loadChart().then(
      (Chart) => {
        const canvas = canvasRef.current;
        if (!live || canvas === null) return;
        const config = barChartConfig(canvas, barsRef.current, tone, (index) => barsRef.current[index], (href) => navigateRef.current(href));
        chartRef.current = new Chart(canvas, config) as BarChartInstance;
      },
      (error: unknown) => {
        console.warn('A chart could not be drawn', error);
        if (live) setBroken(true);
      },
    );
    return () => {
      live = false;
      chartRef.current?.destroy();
      chartRef.current = null;
    };
  }, [tone]);

  // New figures: the same chart, new data.
  useEffect(() => {
    if (chartRef.current) showBars(chartRef.current, bars);
  }, [bars]);

  return (
    <div className="stats-chart">
      {broken ? (
        <p className="quiet">The chart could not be drawn; its numbers are in the table below.</p>
      ) : (
        <div className="stats-chart-canvas">
          <canvas ref={canvasRef} role="img" aria-label={describeBars(title, bars, unit)} />
        </div>
      )}
      <details className="stats-table-toggle" open={broken || undefined}>
        <summary>
          Show as table<span className="visually-hidden">: {title}</span>
        </summary>
        <table className="stats-table">
          <caption className="visually-hidden">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{category}</th>
              <th scope="col" className="stats-number">
                {measure}
              </th>
            </tr>
          </thead>
          <tbody>
            {bars.map((bar) => (
              <tr key={bar.label}>
                <th scope="row">{bar.href === null ? bar.label : <Link href={bar.href}>{bar.label}</Link>}</th>
                <td className="stats-number">{bar.value.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </div>
  );
}
