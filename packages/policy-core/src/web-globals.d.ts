// The core is pure and runs anywhere (Node, browsers, workers): it is compiled without Node's types,
// so the few standard web globals it uses are declared here.
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
