import { Line, LineChart, YAxis } from 'recharts';

/** A tiny line of the recent scores (oldest first); a dash when there is no trend yet. */
export function ScoreSparkline(props: { scores: number[] }) {
  const { scores } = props;
  if (scores.length < 2) {
    return <span aria-label="No trend yet">–</span>;
  }
  const data = scores.map((score, index) => ({ index, score }));
  return (
    <div role="img" aria-label={`Recent scores: ${scores.join(', ')}`} style={{ width: 96, height: 28 }}>
      <LineChart width={96} height={28} data={data} margin={{ top: 2, right: 2, bottom: 2, left: 2 }}>
        <YAxis hide domain={[0, 100]} />
        <Line
          type="monotone"
          dataKey="score"
          stroke="#1565c0"
          strokeWidth={1.5}
          dot={false}
          isAnimationActive={false}
        />
      </LineChart>
    </div>
  );
}
