import { pacedGroup } from '../../src/github/pacing.js';

/** A fake clock: `sleep` moves it forward and records how long each wait was. */
function fakeClock() {
  let time = 1_000;
  const sleeps: number[] = [];
  return {
    now: () => time,
    sleep: async (ms: number) => {
      sleeps.push(ms);
      time += ms;
    },
    advance: (ms: number) => {
      time += ms;
    },
    sleeps,
  };
}

describe('pacedGroup', () => {
  it('starts a burst of jobs at once, then spaces each later job from the one before it', async () => {
    const clock = fakeClock();
    const limiter = pacedGroup({ burst: 3, spacingMs: 1000, now: clock.now, sleep: clock.sleep }).key('a');
    const starts: number[] = [];
    const job = (...args: unknown[]) => {
      starts.push(clock.now());
      return (args[0] as number) * 2;
    };
    const results = await Promise.all([1, 2, 3, 4, 5].map((n) => limiter.schedule({}, job, n)));
    expect(results).toEqual([2, 4, 6, 8, 10]);
    expect(starts).toEqual([1_000, 1_000, 1_000, 2_000, 3_000]);
    expect(clock.sleeps).toEqual([1000, 1000]);
  });

  it('does not wait when the spacing has already passed', async () => {
    const clock = fakeClock();
    const limiter = pacedGroup({ burst: 1, spacingMs: 3000, now: clock.now, sleep: clock.sleep }).key();
    await limiter.schedule({}, () => undefined);
    clock.advance(5000);
    await limiter.schedule({}, () => undefined);
    clock.advance(1000);
    await limiter.schedule({}, () => undefined);
    expect(clock.sleeps).toEqual([2000]);
  });

  it('keeps one budget per key, and the same limiter for the same key', () => {
    const group = pacedGroup({ burst: 1, spacingMs: 10 });
    expect(group.key('x')).toBe(group.key('x'));
    expect(group.key('x')).not.toBe(group.key('y'));
  });

  it('passes a failing job on to the caller and keeps pacing the next ones', async () => {
    const clock = fakeClock();
    const limiter = pacedGroup({ burst: 1, spacingMs: 500, now: clock.now, sleep: clock.sleep }).key();
    await expect(
      limiter.schedule({}, () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    await expect(limiter.schedule({}, async () => Promise.reject(new Error('later')))).rejects.toThrow(
      'later',
    );
    expect(await limiter.schedule({}, () => 'ok')).toBe('ok');
    expect(clock.sleeps).toEqual([500, 500]);
  });
});
