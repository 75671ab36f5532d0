import { existsSync } from 'node:fs';
import type { InputFile } from '@shiftdown/policy-core';
import type { Scorecard } from '@shiftdown/backstage-plugin-shiftdown-common';
import { DEFAULT_SETTINGS } from '../src/config.js';
import { serialiseScorecard } from '../src/database/serialised-scorecard.js';
import { integrationsFromData } from '../src/integrations.js';
import { kubernetesIdFilter } from '../src/scan/label-filter.js';
import { RepositoryConfigError, scanFiles } from '../src/scan/scan-files.js';
import { SCAN_WORKER_FILE, createScanRunner, type ScanRunner } from '../src/scan/scan-runner.js';
import type { ScanTask } from '../src/scan/scan-worker.js';
import { scorecardFromReport } from '../src/scorecard/from-report.js';
import { pulledSourceLinker } from '../src/scorecard/source-links.js';
import { deployment as sharedDeployment } from './helpers/manifests.js';

const file = (path: string, text: string): InputFile => ({ path, text });

/** Labelled and privileged, as the worker tests want them. */
const deployment = (name: string, labels = `app: ${name}`) =>
  sharedDeployment(name, { labels, privileged: true });

const TODAY = '2026-11-24';
/** A Bitbucket Server host: its links end in `#<line>`, where hosts without an integration get `#L<line>`. */
const INTEGRATIONS = { bitbucketServer: [{ host: 'git.acme.example' }] };
const TREE = 'https://git.acme.example/projects/SHOP/repos/shop/browse';

const task = (files: InputFile[], extra: Partial<ScanTask> = {}): ScanTask => ({
  files,
  settings: DEFAULT_SETTINGS,
  scorecard: {
    entityRef: 'component:default/web',
    scannedAt: '2026-11-24T10:00:00.000Z',
    location: TREE,
    kind: 'tree',
    commitSha: '1'.repeat(40),
  },
  today: TODAY,
  ...extra,
});

describe('createScanRunner', () => {
  const runners: ScanRunner[] = [];
  const runner = (threads: number) => {
    const created = createScanRunner({ threads, integrations: INTEGRATIONS });
    runners.push(created);
    return created;
  };
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((created) => created.close()));
  });

  it('runs the compiled worker module (build the plugin before testing)', () => {
    expect(existsSync(SCAN_WORKER_FILE)).toBe(true);
    expect(SCAN_WORKER_FILE).toMatch(/dist[\\/]scan[\\/]scan-worker\.js$/);
  });

  it('gives the same stored scorecard in a worker thread as on the main thread: label filter, source links from the integrations config', async () => {
    const files = [
      file('deploy/web.yaml', deployment('web', 'backstage.io/kubernetes-id: web')),
      file('deploy/other.yaml', deployment('other')),
    ];
    const scanTask = task(files, { labelFilter: kubernetesIdFilter('web').spec });
    const inWorker = await runner(1).scan(scanTask);
    const onMainThread = await runner(0).scan(scanTask);
    expect(inWorker).toEqual(onMainThread);

    // …and both are what the scan, the scorecard and its serialisation give step by step.
    const report = scanFiles(files, DEFAULT_SETTINGS, { labelFilter: scanTask.labelFilter!, today: TODAY });
    const expected = serialiseScorecard(
      scorecardFromReport(report, {
        entityRef: 'component:default/web',
        source: 'pull',
        scannedAt: '2026-11-24T10:00:00.000Z',
        location: TREE,
        commitSha: '1'.repeat(40),
        linkSource: pulledSourceLinker(TREE, 'tree', integrationsFromData(INTEGRATIONS)),
      }),
    );
    expect(inWorker).toEqual({ type: 'scanned', scorecard: expected });

    if (inWorker.type !== 'scanned') throw new Error('not scanned');
    const scorecard = JSON.parse(inWorker.scorecard.json) as Scorecard;
    expect(scorecard).toMatchObject({ files: 1, resources: 1, source: 'pull', commitSha: '1'.repeat(40) });
    expect(scorecard.findings[0]).toMatchObject({
      ruleId: 'privileged-container',
      file: 'deploy/web.yaml',
      line: 18,
      sourceUrl: `${TREE}/deploy/web.yaml#18`,
    });
    expect(inWorker.scorecard.columns).toEqual({
      score: scorecard.score,
      grade: scorecard.grade,
      maturityLevel: scorecard.maturity.level,
      source: 'pull',
      scannedAt: '2026-11-24T10:00:00.000Z',
      commitSha: '1'.repeat(40),
      counts: scorecard.counts,
    });
  });

  it('answers no-files when the label filter keeps nothing, in a worker and on the main thread', async () => {
    const scanTask = task([file('deploy/other.yaml', deployment('other'))], {
      labelFilter: kubernetesIdFilter('web').spec,
    });
    expect(await runner(1).scan(scanTask)).toEqual({ type: 'no-files' });
    expect(await runner(0).scan(scanTask)).toEqual({ type: 'no-files' });
  });

  it("rejects with RepositoryConfigError for the repository's invalid .shiftdown.yaml, from a worker too", async () => {
    for (const threads of [0, 1]) {
      const scanning = runner(threads).scan(
        task([file('.shiftdown.yaml', 'profile: nonsense\n'), file('deploy/web.yaml', deployment('web'))]),
      );
      await expect(scanning).rejects.toBeInstanceOf(RepositoryConfigError);
      await expect(scanning).rejects.toThrow(/invalid \.shiftdown\.yaml/);
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
      const current = runner(threads);
      let ticks = 0;
      const timer = setInterval(() => ticks++, 5);
      try {
        const result = await current.scan(task(files));
        if (result.type !== 'scanned') throw new Error('not scanned');
        expect((JSON.parse(result.scorecard.json) as Scorecard).resources).toBe(2000);
        return ticks;
      } finally {
        clearInterval(timer);
      }
    };
    expect(await ticksDuring(0)).toBe(0);
    expect(await ticksDuring(1)).toBeGreaterThan(3);
  });
});
