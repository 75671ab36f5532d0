#!/usr/bin/env node
import { main } from '../dist/index.js';

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
});
