import { Typography } from '@material-ui/core';
import { InfoCard, ResponseErrorPanel } from '@backstage/core-components';
import type { ScoreHistory, ScoreHistoryPoint } from '@shiftdown/backstage-plugin-shiftdown-common';
import { CartesianGrid, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatAbsoluteTime, shortSha } from '../format.js';

const CHART_HEIGHT = 220;
const MAX_TICKS = 5;

interface TrendPoint extends ScoreHistoryPoint {
  /** `scannedAt` in epoch milliseconds: the x axis is time, so scans sit where they happened. */
  time: number;
}

/**
 * The history's points, oldest first as the backend returns them; scans without a valid time are left
 * out.
 */
export function trendPoints(history: ScoreHistory | undefined): TrendPoint[] {
  return (history?.items ?? [])
    .map((point) => ({ ...point, time: Date.parse(point.scannedAt) }))
    .filter((point) => !Number.isNaN(point.time));
}

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The x axis labels' format for scans spread over `span` milliseconds (UTC, as every time on the tab):
 * `11:55:30` within minutes, `11:55` within a day, `Mar 1 11:55` within days, `Mar 1`, then `Mar 2025`.
 */
export function formatTrendTick(time: number, span: number, sameDay: boolean): string {
  const date = new Date(time);
  const iso = date.toISOString();
  const day = `${MONTHS[date.getUTCMonth()]} ${date.getUTCDate()}`;
  if (span < 10 * MINUTE) return iso.slice(11, 19);
  if (sameDay) return iso.slice(11, 16);
  if (span < 3 * DAY) return `${day} ${iso.slice(11, 16)}`;
  if (span < 300 * DAY) return day;
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** Up to five evenly spaced ticks from the first scan to the last, none with the same label twice. */
export function trendTicks(points: readonly TrendPoint[]): Array<{ time: number; label: string }> {
  const first = points[0]?.time ?? 0;
  const last = points[points.length - 1]?.time ?? first;
  const span = last - first;
  const sameDay = new Date(first).toISOString().slice(0, 10) === new Date(last).toISOString().slice(0, 10);
  const count = span === 0 ? 1 : Math.min(MAX_TICKS, points.length);
  const ticks: Array<{ time: number; label: string }> = [];
  for (let index = 0; index < count; index++) {
    const time = count === 1 ? first : Math.round(first + (span * index) / (count - 1));
    const label = formatTrendTick(time, span, sameDay);
    if (!ticks.some((tick) => tick.label === label)) ticks.push({ time, label });
  }
  return ticks;
}

function TrendTooltip(props: { active?: boolean; payload?: ReadonlyArray<{ payload?: TrendPoint }> }) {
  const point = props.active ? props.payload?.[0]?.payload : undefined;
  if (!point) {
    return null;
  }
  return (
    <div style={{ background: '#fff', color: '#000', border: '1px solid #ccc', padding: 8, borderRadius: 4 }}>
      <div>
        <strong>
          {point.score} ({point.grade})
        </strong>
      </div>
      <div>{formatAbsoluteTime(point.scannedAt)}</div>
      <div>
        {point.source === 'push' ? 'CI push' : 'Backend scan'}
        {point.commitSha ? ` · ${shortSha(point.commitSha)}` : ''}
      </div>
    </div>
  );
}

/** The score over the recent scans (recharts line chart), with a text summary for screen readers. */
export function ScoreTrendCard(props: { history?: ScoreHistory; error?: Error }) {
  const points = trendPoints(props.history);
  const first = points[0];
  const last = points[points.length - 1];
  let body;
  if (props.error) {
    body = <ResponseErrorPanel error={props.error} title="Could not load the score history" />;
  } else if (!first || !last || points.length < 2) {
    body = (
      <Typography variant="body2">
        Not enough history yet: the trend appears after the second scan.
      </Typography>
    );
  } else {
    const summary = `Score over the last ${points.length} scans: ${first.score} on ${formatAbsoluteTime(first.scannedAt)}, ${last.score} on ${formatAbsoluteTime(last.scannedAt)}`;
    const ticks = trendTicks(points);
    const labels = new Map(ticks.map((tick) => [tick.time, tick.label]));
    // Scans at one instant (span 0) still get an axis a minute wide on each side.
    const domain =
      first.time === last.time ? [first.time - MINUTE, last.time + MINUTE] : [first.time, last.time];
    body = (
      <div role="img" aria-label={summary} data-testid="shiftdown-trend-chart">
        <ResponsiveContainer
          width="100%"
          height={CHART_HEIGHT}
          initialDimension={{ width: 480, height: CHART_HEIGHT }}
        >
          <LineChart data={points} margin={{ top: 8, right: 32, bottom: 8, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              dataKey="time"
              type="number"
              scale="time"
              domain={domain}
              ticks={ticks.map((tick) => tick.time)}
              tickFormatter={(time: number) => labels.get(time) ?? ''}
              padding={{ left: 16, right: 16 }}
            />
            <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} allowDecimals={false} width={36} />
            <Tooltip content={<TrendTooltip />} />
            <Line
              type="monotone"
              dataKey="score"
              stroke="#1565c0"
              strokeWidth={2}
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
    );
  }
  return <InfoCard title="Score trend">{body}</InfoCard>;
}
