// The core is pure and runs anywhere (Node, browsers, workers): it is compiled without Node's types,
// so the few standard web globals it uses are declared here.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}

declare class TextEncoder {
  encode(input?: string): Uint8Array;
  encodeInto(source: string, destination: Uint8Array): { read: number; written: number };
}

// ES2024: moves the contents to a new buffer and detaches this one (its memory is released at once).
interface ArrayBuffer {
  transfer?(newLength?: number): ArrayBuffer;
}
