import { existsSync } from 'node:fs';
import { DEFAULT_SETTINGS } from '../src/config.js';
import { kubernetesIdFilter } from '../src/scan/label-filter.js';
import type { ManifestFile } from '../src/scan/read-manifests.js';
import { RepositoryConfigError, scanFiles } from '../src/scan/scan-files.js';
import { SCAN_WORKER_FILE, createScanRunner, type ScanRunner } from '../src/scan/scan-runner.js';

const file = (path: string, text: string): ManifestFile => ({ path, content: Buffer.from(text) });

const deployment = (name: string, labels = `app: ${name}`) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: shop
  labels: {${labels}}
spec:
  selector:
    matchLabels: {app: ${name}}
  template:
    metadata:
      labels: {app: ${name}}
    spec:
      containers:
        - name: app
          image: registry.example.com/${name}:1.0
          securityContext:
            privileged: true
`;

const TODAY = '2026-11-24';

describe('createScanRunner', () => {
  let runner: ScanRunner;
  afterEach(async () => runner?.close());

  it('runs the compiled worker module (the build puts it where the runner looks)', () => {
    expect(existsSync(SCAN_WORKER_FILE)).toBe(true);
    expect(SCAN_WORKER_FILE).toMatch(/dist[\\/]scan[\\/]scan-worker\.js$/);
  });

  it('gives the same report in a worker thread as on the main thread, label filter included', async () => {
    runner = createScanRunner({ threads: 1 });
    const files = [
      file('deploy/web.yaml', deployment('web', 'backstage.io/kubernetes-id: web')),
      file('deploy/other.yaml', deployment('other')),
    ];
    const labelFilter = kubernetesIdFilter('web');
    const inWorker = await runner.scan(files, DEFAULT_SETTINGS, { labelFilter, today: TODAY });
    const inProcess = scanFiles(files, DEFAULT_SETTINGS, { labelFilter, today: TODAY });
    expect(inWorker).toEqual(inProcess);
    expect(inWorker.scanned).toBe(1);
    expect(inWorker.report.findings.some((f) => f.ruleId === 'privileged-container' && f.line === 18)).toBe(
      true,
    );
  });

  it("rejects with RepositoryConfigError for the repository's invalid .shiftdown.yaml, from a worker too", async () => {
    for (const threads of [0, 1]) {
      const current = createScanRunner({ threads });
      const scanning = current.scan(
        [file('.shiftdown.yaml', 'profile: nonsense\n'), file('deploy/web.yaml', deployment('web'))],
        DEFAULT_SETTINGS,
      );
      await expect(scanning).rejects.toBeInstanceOf(RepositoryConfigError);
      await expect(scanning).rejects.toThrow(/invalid \.shiftdown\.yaml/);
      await current.close();
    }
  });

  it('keeps the event loop free while a worker scans: timers run during the scan (on the main thread they cannot)', async () => {
    const files = Array.from({ length: 40 }, (_, i) =>
      file(
        `deploy/app-${i}.yaml`,
        Array.from({ length: 50 }, (_, j) => deployment(`app-${i}-${j}`)).join('---\n'),
      ),
    );
    const ticksDuring = async (threads: number) => {
      const current = createScanRunner({ threads });
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      try {
        const result = await current.scan(files, DEFAULT_SETTINGS, { today: TODAY });
        expect(result.report.summary.resources).toBe(2000);
        return ticks;
      } finally {
        clearInterval(timer);
        await current.close();
      }
    };
    expect(await ticksDuring(0)).toBe(0);
    expect(await ticksDuring(1)).toBeGreaterThan(3);
  });
});
