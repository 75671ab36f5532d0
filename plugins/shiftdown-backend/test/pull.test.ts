import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { Scorecard } from '@shiftdown/backstage-plugin-shiftdown-common';
import { SCAN_TASK_ID } from '../src/index.js';
import {
  ALICE,
  BOB,
  component,
  FakeRepository,
  RESTRICTED_LABEL,
  startShiftdown,
  type ShiftdownBackend,
} from './helpers/backend.js';
import { createTestDatabases } from './helpers/databases.js';
import { HARDENED_DEPLOYMENT, RISKY_DEPLOYMENT } from './helpers/manifests.js';

const { databases, ids } = createTestDatabases();
const EXAMPLES = resolve(__dirname, '../../../examples');
const SHA1 = '1111111111111111111111111111111111111111';
const SHA2 = '2222222222222222222222222222222222222222';
const REPO = 'https://github.com/acme/payments/tree/main';

const sourceLocation = (url: string) => ({ 'backstage.io/source-location': `url:${url}/` });

describe.each(ids)('pull on %s', (databaseId) => {
  let shiftdown: ShiftdownBackend;

  afterEach(async () => {
    await shiftdown?.backend.stop();
  });

  async function start(
    entities: Parameters<typeof startShiftdown>[0]['entities'],
    repository: FakeRepository,
    config = {},
  ) {
    shiftdown = await startShiftdown({
      knex: await databases.init(databaseId),
      entities,
      repository,
      config,
    });
    return shiftdown;
  }

  const scorecard = async (name: string) => {
    const response = await request(shiftdown.server).get(
      `/api/shiftdown/scorecards/component/default/${name}`,
    );
    return response;
  };

  it('scans entities on schedule, skips unchanged trees by ETag and rescans changed ones', async () => {
    const repository = new FakeRepository();
    repository.set(
      `${REPO}/deploy`,
      { 'payments.yaml': RISKY_DEPLOYMENT, 'README.md': '# not a manifest' },
      SHA1,
    );
    await start(
      [component('payments', { ...sourceLocation(REPO), 'shiftdown.dev/manifests': 'deploy/' })],
      repository,
    );

    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    expect(repository.calls).toEqual([{ method: 'readTree', url: `${REPO}/deploy/` }]);
    const first = await scorecard('payments');
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      entityRef: 'component:default/payments',
      grade: 'D',
      source: 'pull',
      commitSha: SHA1,
      location: `${REPO}/deploy/`,
      files: 1,
      resources: 1,
      counts: { critical: 1, high: 0, medium: 12, low: 7, info: 0 },
    });
    const privileged = (first.body as Scorecard).findings[0]!;
    expect(privileged).toMatchObject({ ruleId: 'privileged-container', file: 'payments.yaml', line: 24 });
    expect(privileged.sourceUrl).toBe(`${REPO}/deploy/payments.yaml#L24`);

    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    expect(repository.calls[1]).toEqual({ method: 'readTree', url: `${REPO}/deploy/`, etag: SHA1 });
    expect(await shiftdown.store.getHistory('component:default/payments', 10)).toHaveLength(1);
    expect((await scorecard('payments')).body).toEqual(first.body);

    repository.set(`${REPO}/deploy`, { 'payments.yaml': HARDENED_DEPLOYMENT }, SHA2);
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    const second = await scorecard('payments');
    expect(second.body).toMatchObject({ grade: 'A', commitSha: SHA2, source: 'pull' });
    const history = await shiftdown.store.getHistory('component:default/payments', 10);
    expect(history.map((point) => [point.grade, point.commitSha, point.source])).toEqual([
      ['D', SHA1, 'pull'],
      ['A', SHA2, 'pull'],
    ]);
  });

  it('keeps the last scorecard of an entity whose tree fails, records the error, and goes on with the others', async () => {
    const repository = new FakeRepository();
    repository.set(`${REPO}/deploy`, { 'payments.yaml': RISKY_DEPLOYMENT }, SHA1);
    repository.set(
      'https://github.com/acme/catalog/tree/main/deploy',
      { 'catalog.yaml': HARDENED_DEPLOYMENT },
      SHA1,
    );
    await start(
      [
        component('payments', sourceLocation(REPO)),
        component('catalog', sourceLocation('https://github.com/acme/catalog/tree/main')),
      ],
      repository,
    );
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    const before = (await scorecard('payments')).body as Scorecard;
    expect(before.grade).toBe('D');

    repository.failures.set(`${REPO}/deploy`, new Error('API rate limit exceeded for installation 42'));
    repository.set(
      'https://github.com/acme/catalog/tree/main/deploy',
      { 'catalog.yaml': RISKY_DEPLOYMENT },
      SHA2,
    );
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);

    const after = await scorecard('payments');
    expect(after.status).toBe(200);
    const { lastError, ...rest } = after.body as Scorecard;
    expect(rest).toEqual(before);
    expect(lastError).toEqual({
      message: `component:default/payments: could not read ${REPO}/deploy/: API rate limit exceeded for installation 42`,
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      location: `${REPO}/deploy/`,
    });
    // The other entity was scanned in the same run.
    expect((await scorecard('catalog')).body).toMatchObject({ grade: 'D', commitSha: SHA2 });

    // The failure dropped the ETag: the next scan reads the tree again even though it did not change.
    repository.failures.clear();
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    const recovered = (await scorecard('payments')).body as Scorecard;
    expect(recovered.lastError).toBeUndefined();
    expect(await shiftdown.store.getHistory('component:default/payments', 10)).toHaveLength(2);
  });

  it('falls back to the default path, then to objects labelled with the kubernetes-id', async () => {
    const repository = new FakeRepository();
    repository.set(
      'https://github.com/acme/shop/tree/main',
      {
        'k8s/catalog.yaml': HARDENED_DEPLOYMENT,
        'k8s/payments.yaml': RISKY_DEPLOYMENT,
        '.github/workflows/ci.yml': 'on: push\njobs: {}\n',
      },
      SHA1,
    );
    await start(
      [
        component('catalog', {
          ...sourceLocation('https://github.com/acme/shop/tree/main'),
          'backstage.io/kubernetes-id': 'catalog',
        }),
        component('payments', {
          'backstage.io/source-location': 'url:https://github.com/acme/shop/tree/main/',
          'backstage.io/kubernetes-label-selector': 'app.kubernetes.io/name in (payments, billing)',
        }),
        component('docs', sourceLocation('https://github.com/acme/docs/tree/main')),
      ],
      repository,
    );
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);

    const catalog = (await scorecard('catalog')).body as Scorecard;
    expect(catalog).toMatchObject({
      grade: 'A',
      files: 1,
      location: 'https://github.com/acme/shop/tree/main/',
    });
    expect(new Set(catalog.findings.map((finding) => finding.file))).toEqual(new Set(['k8s/catalog.yaml']));
    const payments = (await scorecard('payments')).body as Scorecard;
    expect(payments).toMatchObject({ grade: 'D', files: 1 });
    expect(payments.findings[0]!.sourceUrl).toBe(
      'https://github.com/acme/shop/tree/main/k8s/payments.yaml#L24',
    );

    // No manifests where the defaults point is not an error: 404 with what was tried.
    const docs = await scorecard('docs');
    expect(docs.status).toBe(404);
    expect(docs.body.error.message).toBe(
      'no scorecard for component:default/docs: no manifests found at https://github.com/acme/docs/tree/main/deploy/; set the shiftdown.dev/manifests annotation or push a report from CI',
    );
  });

  it("honours the repository's .shiftdown.yaml and refuses an invalid one with its line and column", async () => {
    const repository = new FakeRepository();
    repository.set(
      `${REPO}/deploy`,
      {
        '.shiftdown.yaml': 'profile: pss-baseline\nexclude:\n  - legacy/**\n',
        'payments.yaml': RISKY_DEPLOYMENT,
        'legacy/old.yaml': RISKY_DEPLOYMENT,
      },
      SHA1,
    );
    await start(
      [component('payments', { ...sourceLocation(REPO), 'shiftdown.dev/manifests': './deploy' })],
      repository,
    );
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    const scanned = (await scorecard('payments')).body as Scorecard;
    expect(scanned).toMatchObject({ profile: 'pss-baseline', files: 1 });
    expect(scanned.findings.map((finding) => finding.ruleId)).toEqual(['privileged-container']);

    repository.set(
      `${REPO}/deploy`,
      {
        '.shiftdown.yaml': 'profile: pss-baseline\nrules:\n  no-such-rule: high\n',
        'payments.yaml': RISKY_DEPLOYMENT,
      },
      SHA2,
    );
    const refresh = await request(shiftdown.server).post(
      '/api/shiftdown/scorecards/component/default/payments/refresh',
    );
    expect(refresh.status).toBe(422);
    expect(refresh.body.error.name).toBe('ScanFailedError');
    expect(refresh.body.error.message).toMatch(
      new RegExp(
        `^component:default/payments: ${REPO}/deploy: invalid \\.shiftdown\\.yaml:\\n\\.shiftdown\\.yaml:3:3: .*no-such-rule`,
      ),
    );
    expect(((await scorecard('payments')).body as Scorecard).lastError!.message).toBe(
      refresh.body.error.message,
    );
  });

  it("scans with the plugin's profile as a default the repository's .shiftdown.yaml overrides, or enforced over it", async () => {
    const repository = new FakeRepository();
    repository.set(
      `${REPO}/deploy`,
      { '.shiftdown.yaml': 'profile: pss-baseline\n', 'payments.yaml': RISKY_DEPLOYMENT },
      SHA1,
    );
    repository.set(
      'https://github.com/acme/catalog/tree/main/deploy',
      { 'catalog.yaml': RISKY_DEPLOYMENT },
      SHA1,
    );
    const entities = [
      component('payments', sourceLocation(REPO)),
      component('catalog', sourceLocation('https://github.com/acme/catalog/tree/main')),
    ];
    const profiles = async () => [
      ((await scorecard('payments')).body as Scorecard).profile,
      ((await scorecard('catalog')).body as Scorecard).profile,
    ];

    // In a worker thread (the default), then on the main thread: the settings reach the scan either way.
    await start(entities, repository, { shiftdown: { profile: 'pss-restricted' } });
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    expect(await profiles()).toEqual(['pss-baseline', 'pss-restricted']);
    expect(((await scorecard('payments')).body as Scorecard).findings.map((f) => f.ruleId)).toEqual([
      'privileged-container',
    ]);
    await shiftdown.backend.stop();

    await start(entities, repository, {
      shiftdown: { profile: 'pss-restricted', enforceSettings: true, scanThreads: 0 },
    });
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    expect(await profiles()).toEqual(['pss-restricted', 'pss-restricted']);
  });

  it('gives a scorecard shown with a failed pull an ETag of its own, which the next failure changes', async () => {
    const repository = new FakeRepository();
    repository.set(`${REPO}/deploy`, { 'payments.yaml': RISKY_DEPLOYMENT }, SHA1);
    await start([component('payments', sourceLocation(REPO))], repository);
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    const read = (etag?: string) => {
      const call = request(shiftdown.server).get('/api/shiftdown/scorecards/component/default/payments');
      return etag === undefined ? call : call.set('If-None-Match', etag);
    };
    const clean = await read();
    expect(clean.headers.etag).toMatch(/^W\/"r1-\d+"$/);

    repository.failures.set(`${REPO}/deploy`, new Error('API rate limit exceeded'));
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    const failed = await read(clean.headers.etag as string);
    expect(failed.status).toBe(200);
    expect((failed.body as Scorecard).lastError!.message).toBe(
      `component:default/payments: could not read ${REPO}/deploy/: API rate limit exceeded`,
    );
    expect(failed.headers.etag).toMatch(/^W\/"r1-\d+-[\w-]{16}"$/);
    expect((await read(failed.headers.etag as string)).status).toBe(304);

    repository.failures.set(`${REPO}/deploy`, new Error('API rate limit exceeded'));
    await new Promise((resolve) => setTimeout(resolve, 5)); // a later failure: another `at`
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    const again = await read(failed.headers.etag as string);
    expect(again.status).toBe(200);
    expect(again.headers.etag).not.toBe(failed.headers.etag);
    expect((again.body as Scorecard).lastError!.at > (failed.body as Scorecard).lastError!.at).toBe(true);
  });

  it('refreshes one entity now: a forced read, the new scorecard, 404 for entities the caller cannot see', async () => {
    const repository = new FakeRepository();
    repository.set(`${REPO}/deploy`, { 'payments.yaml': RISKY_DEPLOYMENT }, SHA1);
    await start(
      [
        component('payments', { ...sourceLocation(REPO) }, { labels: { [RESTRICTED_LABEL]: 'true' } }),
        component('bare'),
      ],
      repository,
    );
    const denied = await request(shiftdown.server)
      .post('/api/shiftdown/scorecards/component/default/payments/refresh')
      .set('Authorization', mockCredentials.user.header(BOB));
    expect(denied.status).toBe(404);
    expect(denied.body.error).toEqual({
      name: 'NotFoundError',
      message: 'entity component:default/payments not found',
    });
    expect(repository.calls).toEqual([]);

    const first = await request(shiftdown.server)
      .post('/api/shiftdown/scorecards/Component/Default/PAYMENTS/refresh')
      .set('Authorization', mockCredentials.user.header(ALICE));
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({
      entityRef: 'component:default/payments',
      grade: 'D',
      source: 'pull',
      commitSha: SHA1,
    });

    const again = await request(shiftdown.server)
      .post('/api/shiftdown/scorecards/component/default/payments/refresh')
      .set('Authorization', mockCredentials.service.header());
    expect(again.status).toBe(200);
    expect(repository.calls).toEqual([
      { method: 'readTree', url: `${REPO}/deploy/` },
      { method: 'readTree', url: `${REPO}/deploy/` },
    ]);
    expect(await shiftdown.store.getHistory('component:default/payments', 10)).toHaveLength(2);

    const bare = await request(shiftdown.server).post(
      '/api/shiftdown/scorecards/component/default/bare/refresh',
    );
    expect(bare.status).toBe(422);
    expect(bare.body.error).toEqual({
      name: 'NoManifestsError',
      message:
        'component:default/bare has no shiftdown.dev/manifests, backstage.io/source-location or Kubernetes annotation to find its manifests',
    });
  });

  it('reads single files with readUrl, absolute URLs as given, and only the configured kinds', async () => {
    const repository = new FakeRepository();
    repository.set(`${REPO}/deploy`, { 'payments.yaml': RISKY_DEPLOYMENT }, SHA1);
    repository.set(
      'https://gitlab.com/acme/infra/-/tree/main/catalog',
      { 'deployment.yaml': HARDENED_DEPLOYMENT },
      SHA2,
    );
    const resource = {
      ...component('queue', {
        'shiftdown.dev/manifests': 'https://gitlab.com/acme/infra/-/tree/main/catalog',
      }),
      kind: 'Resource',
    };
    await start(
      [
        component('payments', { ...sourceLocation(REPO), 'shiftdown.dev/manifests': 'deploy/payments.yaml' }),
        component('catalog', {
          'shiftdown.dev/manifests': 'url:https://gitlab.com/acme/infra/-/tree/main/catalog',
        }),
        resource,
      ],
      repository,
    );
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    expect(repository.calls).toEqual([
      { method: 'readUrl', url: `${REPO}/deploy/payments.yaml` },
      { method: 'readTree', url: 'https://gitlab.com/acme/infra/-/tree/main/catalog' },
    ]);
    const payments = (await scorecard('payments')).body as Scorecard;
    expect(payments).toMatchObject({ grade: 'D', location: `${REPO}/deploy/payments.yaml` });
    expect(payments.findings[0]).toMatchObject({
      file: 'payments.yaml',
      sourceUrl: `${REPO}/deploy/payments.yaml#L24`,
    });
    const catalog = (await scorecard('catalog')).body as Scorecard;
    expect(catalog.findings[0]!.sourceUrl).toBe(
      'https://gitlab.com/acme/infra/-/tree/main/catalog/deployment.yaml#L14',
    );
    expect(await shiftdown.store.getScorecard('resource:default/queue')).toBeUndefined();
  });

  it('reads local trees for entities from file: locations (the demo catalog), with a content ETag', async () => {
    const catalogFile = join(EXAMPLES, 'catalog-info.yaml');
    const local = (name: string, manifests: string) =>
      component(name, {
        'backstage.io/managed-by-location': `file:${catalogFile}`,
        'shiftdown.dev/manifests': manifests,
      });
    await start(
      [
        local('payments-hardened', 'services/payments-hardened'),
        local('node-agent-risky', `file:${join(EXAMPLES, 'services/node-agent-risky')}`),
        component('sneaky', { ...sourceLocation(REPO), 'shiftdown.dev/manifests': 'file:/etc' }),
      ],
      new FakeRepository(),
    );
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    const hardened = (await scorecard('payments-hardened')).body as Scorecard;
    expect(hardened).toMatchObject({
      source: 'pull',
      location: pathToFileURL(join(EXAMPLES, 'services/payments-hardened')).href,
    });
    expect(hardened.grade).toMatch(/^A/);
    const risky = (await scorecard('node-agent-risky')).body as Scorecard;
    expect(risky.grade).toBe('D');
    expect(
      risky.suppressed.map((finding) => [finding.ruleId, finding.line, finding.suppressed!.reason]),
    ).toEqual([
      ['host-namespaces', 17, 'needs hostPID to read /proc of host processes (SEC-142)'],
      ['host-namespaces', 18, 'needs hostPID to read /proc of host processes (SEC-142)'],
    ]);
    expect(risky.findings[0]).toMatchObject({
      ruleId: 'node-firewall-tamper',
      file: 'daemonset.yaml',
      line: 23,
      sourceUrl: `${pathToFileURL(join(EXAMPLES, 'services/node-agent-risky/daemonset.yaml')).href}#L23`,
    });

    const sneaky = await scorecard('sneaky');
    expect(sneaky.status).toBe(404);
    expect(sneaky.body.error.message).toBe(
      'no scorecard for component:default/sneaky: the last scan failed: component:default/sneaky: local manifests (file:///etc) are read only for entities registered from a file: location',
    );

    const etag = (await shiftdown.store.getScanState('component:default/payments-hardened'))!.etag;
    expect(etag).toMatch(/^sha256:[0-9a-f]{64}$/);
    await shiftdown.scheduler.triggerTask(SCAN_TASK_ID);
    expect(await shiftdown.store.getHistory('component:default/payments-hardened', 10)).toHaveLength(1);
  });

  it('scans at start-up with scanOnStartup', async () => {
    const repository = new FakeRepository();
    repository.set(`${REPO}/deploy`, { 'payments.yaml': HARDENED_DEPLOYMENT }, SHA1);
    await start([component('payments', sourceLocation(REPO))], repository, {
      shiftdown: { scanOnStartup: true },
    });
    expect((await scorecard('payments')).body).toMatchObject({ grade: 'A', source: 'pull' });
  });
});
