import Bottleneck from 'bottleneck/light.js';
import { NOTIFICATION_LIMITS, WRITE_LIMITS } from '../../src/github/octokit.js';

describe("the Action's write limits (Bottleneck groups for @octokit/plugin-throttling)", () => {
  it('burst 10 writes, refilled 1 a second up to 10; 3 notifying writes, refilled 1 every 3 s up to 3', () => {
    expect(WRITE_LIMITS).toEqual({
      maxConcurrent: 1,
      reservoir: 10,
      reservoirIncreaseAmount: 1,
      reservoirIncreaseInterval: 1000,
      reservoirIncreaseMaximum: 10,
    });
    expect(NOTIFICATION_LIMITS).toEqual({
      maxConcurrent: 1,
      reservoir: 3,
      reservoirIncreaseAmount: 1,
      reservoirIncreaseInterval: 3000,
      reservoirIncreaseMaximum: 3,
    });
  });

  // The same limits with a 200 ms refill (checked every 10 ms), on Jest's fake clock: Bottleneck reads
  // Date.now() and refills from a setInterval heartbeat, so every start time below is exact.
  const INTERVAL = 200;
  const fastGroup = () =>
    new Bottleneck.Group({ ...WRITE_LIMITS, reservoirIncreaseInterval: INTERVAL, heartbeatInterval: 10 });
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  /** Bottleneck answers through a zero-delay timer (1 ms on the clock): run the clock until it has. */
  async function reservoirOf(limiter: Bottleneck) {
    const answer = limiter.currentReservoir();
    await jest.advanceTimersByTimeAsync(1);
    return answer;
  }

  it('lets a burst of 10 through at once, then one job per refill, in order', async () => {
    const limiter = fastGroup().key('octokit');
    const started = Date.now();
    const starts: [number, number][] = [];
    const all = Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        limiter.schedule(async () => void starts.push([i, Date.now() - started])),
      ),
    );
    await jest.advanceTimersByTimeAsync(INTERVAL * 3);
    await all;
    // One job at a time, each started through two zero-delay timers (clamped to 1 ms, as Node does):
    // the burst of 10 within 20 ms, then one job per refill.
    expect(starts).toEqual([
      ...Array.from({ length: 10 }, (_, i) => [i, 2 * (i + 1)]),
      [10, INTERVAL + 2],
      [11, INTERVAL * 2 + 2],
    ]);
  });

  it('refills an idle budget one job per interval, never past the burst size', async () => {
    const limiter = fastGroup().key('octokit');
    const burst = Promise.all(Array.from({ length: 10 }, () => limiter.schedule(async () => undefined)));
    await jest.advanceTimersByTimeAsync(50);
    await burst;
    expect(await reservoirOf(limiter)).toBe(0);
    await jest.advanceTimersByTimeAsync(INTERVAL * 2 + INTERVAL / 2 - 50);
    expect(await reservoirOf(limiter)).toBe(2);
    await jest.advanceTimersByTimeAsync(INTERVAL * 7);
    expect(await reservoirOf(limiter)).toBe(9);
    await jest.advanceTimersByTimeAsync(INTERVAL * 5);
    expect(await reservoirOf(limiter)).toBe(10);
  });

  it('keeps one budget per key', async () => {
    const group = fastGroup();
    const burst = Promise.all(
      Array.from({ length: 10 }, () => group.key('a').schedule(async () => undefined)),
    );
    await jest.advanceTimersByTimeAsync(50);
    await burst;
    expect(await reservoirOf(group.key('a'))).toBe(0);
    expect(await reservoirOf(group.key('b'))).toBe(10);
  });
});
