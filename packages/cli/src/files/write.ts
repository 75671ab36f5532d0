import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

/** About this many characters per write: a 100 MB report is neither one string nor 100,000 writes. */
const BATCH_CHARS = 1 << 20;

/**
 * Write text pieces to a stream in batches, waiting whenever the stream asks to (backpressure), and end
 * the text with a line break if the last piece has none.
 */
export async function writePieces(stream: NodeJS.WritableStream, pieces: Iterable<string>): Promise<void> {
  let batch = '';
  let last = '';
  const flush = async (): Promise<void> => {
    if (batch === '') return;
    const text = batch;
    batch = '';
    if (!stream.write(text)) await once(stream, 'drain');
  };
  for (const piece of pieces) {
    if (piece === '') continue;
    batch += piece;
    last = piece;
    if (batch.length >= BATCH_CHARS) await flush();
  }
  if (!last.endsWith('\n')) batch += '\n';
  await flush();
}

/** Write text pieces to a file, creating its directory (see `writePieces`); rejects on any file error. */
export async function writeFilePieces(path: string, pieces: Iterable<string>): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const stream = createWriteStream(path);
  let failure: unknown;
  // Kept for the whole write: an error between two awaits must not go unhandled.
  stream.on('error', (error) => {
    failure ??= error;
  });
  try {
    await once(stream, 'open');
    await writePieces(stream, pieces);
    stream.end();
    await once(stream, 'finish');
  } catch (error) {
    throw failure ?? error;
  } finally {
    stream.destroy();
  }
  if (failure !== undefined) throw failure;
}
