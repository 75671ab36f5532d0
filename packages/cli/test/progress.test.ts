import { ProgressLine, progressEnabled } from '../src/progress.js';
import { capture } from './helpers.js';

describe('progress', () => {
  test('only on a TTY stderr and for more than 100 files', () => {
    expect(progressEnabled(true, 101)).toBe(true);
    expect(progressEnabled(true, 100)).toBe(false);
    expect(progressEnabled(false, 5000)).toBe(false);
    expect(progressEnabled(undefined, 5000)).toBe(false);
  });

  test('a single updating line, throttled, always showing the last count, cleared at the end', () => {
    const out = capture(true);
    let now = 0;
    const line = new ProgressLine(out.stream, 3, true, 100, () => now);
    line.update(1);
    now = 50;
    line.update(2); // throttled
    now = 60;
    line.update(3); // the last one is always drawn
    line.finish();
    expect(out.text()).toBe('\r\u001b[2KScanning 1/3 files…\r\u001b[2KScanning 3/3 files…\r\u001b[2K');
    expect(out.text()).not.toContain('\n');
  });

  test('names the phase: reading the files, then scanning them, each counted once', () => {
    const out = capture(true);
    let now = 0;
    const line = new ProgressLine(out.stream, 2, true, 100, () => now);
    line.update(1, 'Reading');
    now = 10;
    line.update(2, 'Reading');
    now = 20;
    line.update(1); // a new phase is drawn at once, however soon
    now = 30;
    line.update(2);
    line.finish();
    expect(out.text()).toBe(
      '\r\u001b[2KReading 1/2 files…\r\u001b[2KReading 2/2 files…\r\u001b[2KScanning 1/2 files…\r\u001b[2KScanning 2/2 files…\r\u001b[2K',
    );
  });

  test('writes nothing when disabled', () => {
    const out = capture(false);
    const line = new ProgressLine(out.stream, 500, false);
    line.update(1);
    line.update(500);
    line.finish();
    expect(out.text()).toBe('');
  });
});
