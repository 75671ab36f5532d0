import Bottleneck from 'bottleneck/light.js';
import { NOTIFICATION_LIMITS, WRITE_LIMITS } from '../../src/github/octokit.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

  // The same limits with a 200 ms refill (checked every 10 ms), so the behaviour shows in a short test.
  const INTERVAL = 200;
  const fastGroup = () =>
    new Bottleneck.Group({ ...WRITE_LIMITS, reservoirIncreaseInterval: INTERVAL, heartbeatInterval: 10 });

  it('lets a burst of 10 through at once, then one job per refill, in order', async () => {
    const limiter = fastGroup().key('octokit');
    const started = performance.now();
    const starts: [number, number][] = [];
    await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        limiter.schedule(async () => void starts.push([i, performance.now() - started])),
      ),
    );
    expect(starts.map(([i]) => i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const at = starts.map(([, ms]) => ms);
    expect(at[9]!).toBeLessThan(INTERVAL / 2);
    expect(at[10]!).toBeGreaterThanOrEqual(INTERVAL - 20);
    expect(at[11]! - at[10]!).toBeGreaterThanOrEqual(INTERVAL - 20);
  });

  it('refills an idle budget one job per interval, never past the burst size', async () => {
    const limiter = fastGroup().key('octokit');
    await Promise.all(Array.from({ length: 10 }, () => limiter.schedule(async () => undefined)));
    expect(await limiter.currentReservoir()).toBe(0);
    await sleep(INTERVAL * 2.5);
    // 2 refills (3 when the machine was slow to run the burst).
    expect(await limiter.currentReservoir()).toBeGreaterThanOrEqual(2);
    expect(await limiter.currentReservoir()).toBeLessThanOrEqual(3);
    await sleep(INTERVAL * 10);
    expect(await limiter.currentReservoir()).toBe(10);
  });

  it('keeps one budget per key', async () => {
    const group = fastGroup();
    await Promise.all(Array.from({ length: 10 }, () => group.key('a').schedule(async () => undefined)));
    expect(await group.key('a').currentReservoir()).toBe(0);
    expect(await group.key('b').currentReservoir()).toBe(10);
  });
});
