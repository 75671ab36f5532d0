/**
 * Typed arrays that hold a large scan's data outside the JavaScript heap, and give it back to the
 * operating system as soon as it is no longer needed.
 *
 * Memory outside the heap is freed when the garbage collector collects the array, which for an old
 * array can be long after its last use, so `releaseBuffer` frees it at once (the array is empty
 * afterwards). Freed memory only leaves the process when the allocator returned it to the system:
 * glibc serves requests below a threshold (128 KiB, rising up to 32 MiB as large blocks are freed)
 * from its heap, which keeps freed holes, and larger ones from separate mappings that are unmapped on
 * free. `LARGE_CHUNK_BYTES` is above that threshold whatever it has risen to; such a chunk costs only
 * the pages written to (fresh mappings are zero and untouched pages are not resident).
 */
export const LARGE_CHUNK_BYTES = 32 * 1024 * 1024;

/** Free a typed array's memory now (see above); the array is empty afterwards (its buffer is detached). */
export function releaseBuffer(view: ArrayBufferView): void {
  const { buffer } = view;
  if (buffer instanceof ArrayBuffer) buffer.transfer?.(0);
}
