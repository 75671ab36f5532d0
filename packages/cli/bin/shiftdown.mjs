#!/usr/bin/env node
import { setFlagsFromString } from 'node:v8';
import { main } from '../dist/index.js';

// V8's allocation-site pretenuring guesses from the first objects of a site that later ones live long:
// in a scan, syntax nodes and findings' parts of the first documents do (they are indexed), those of
// the next 50,000 do not, and old space fills with garbage. Off: the same work in less memory and time
// (docs/benchmarks.md). The heap reads this flag at each collection, so setting it here takes effect.
setFlagsFromString('--no-allocation-site-pretenuring');

// `shiftdown rules | head`: a reader that closes the pipe early is not an error; the exit code stays the run's.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

process.exitCode = await main(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  env: process.env,
  cwd: process.cwd(),
  // A very large scan: smaller heap growth and young generation, for some speed (see LARGE_SCAN_DOCUMENTS).
  preferMemory: () => setFlagsFromString('--optimize-for-size'),
});
