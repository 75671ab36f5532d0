/**
 * sha256 of kubeconform release assets, as published in each release's `CHECKSUMS` file
 * (https://github.com/yannh/kubeconform/releases/download/<version>/CHECKSUMS), keyed by `<os>-<arch>`.
 * Each value was found in at least two independent public pins of the same asset (package manager
 * manifests, Dockerfiles, CI scripts); a platform whose value could not be confirmed that way is left out
 * and needs the `sha256` option.
 */
export const KUBECONFORM_SHA256: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'v0.6.7': {
    'linux-amd64': '95f14e87aa28c09d5941f11bd024c1d02fdc0303ccaa23f61cef67bc92619d73',
    'linux-arm64': 'dc82f79bb03c5479b1ae5fd4af221e4b5a3111f62bf01a2795d9c5c20fa96644',
    'darwin-amd64': '3b5324ac4fd38ac60a49823b4051ff42ff7eb70144f1e9741fed1d14bc4fdb4e',
    'darwin-arm64': 'cbb47d938a8d18eb5f79cb33663b2cecdee0c8ac0bf562ebcfca903df5f0802f',
    'windows-amd64': '450a561ae833cbd1fc41201f7ebb64395c56e7d01e2dc954332143bff81277a3',
    // windows-arm64: only one public source found, so not pinned.
  },
  'v0.7.0': {
    'linux-amd64': 'c31518ddd122663b3f3aa874cfe8178cb0988de944f29c74a0b9260920d115d3',
    'linux-arm64': 'cc907ccf9e3c34523f0f32b69745265e0a6908ca85b92f41931d4537860eb83c',
    'darwin-amd64': 'c6771cc894d82e1b12f35ee797dcda1f7da6a3787aa30902a15c264056dd40d4',
    'darwin-arm64': 'b5d32b2cb77f9c781c976b20a85e2d0bc8f9184d5d1cfe665a2f31a19f99eeb9',
    'windows-amd64': '9cb75551d81c909c2241ab383ced2be68363b5bfb15fd989badcc5a63bea5d7e',
    'windows-arm64': '85c5b984950e2783cafac58cac432f35c5003d45ba1dee47d70f05e471960c55',
  },
};

/** The release the Action installs when none is configured. */
export const DEFAULT_KUBECONFORM_VERSION = 'v0.6.7';
