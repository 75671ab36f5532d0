import type { Knex } from 'knex';
import type { Scorecard } from '@shiftdown/backstage-plugin-shiftdown-common';
import { migrateDatabase, TABLES } from '../src/database/migrations.js';
import { ScorecardStore } from '../src/database/ScorecardStore.js';
import { serialiseScorecard } from '../src/database/serialised-scorecard.js';
import { createTestDatabases } from './helpers/databases.js';

const { databases, ids } = createTestDatabases();

function scorecard(
  entityRef: string,
  score: number,
  grade: Scorecard['grade'],
  commitSha: string,
): Scorecard {
  return {
    entityRef,
    score,
    grade,
    maturity: { level: 2, name: 'Baseline' },
    categories: [],
    counts: { critical: 0, high: 1, medium: 2, low: 3, info: 4 },
    findings: [],
    suppressed: [],
    errors: [],
    files: 1,
    resources: 1,
    source: 'push',
    scannedAt: '2026-06-01T12:00:00.000Z',
    commitSha,
    profile: 'recommended',
    toolVersion: '0.1.0',
  };
}

describe.each(ids)('ScorecardStore on %s', (databaseId) => {
  let knex: Knex;
  let store: ScorecardStore;

  beforeEach(async () => {
    knex = await databases.init(databaseId);
    store = await ScorecardStore.create({ knex });
  });

  const save = (key: string, card: Scorecard, options: Parameters<ScorecardStore['save']>[2]) =>
    store.save(key, serialiseScorecard(card), options);

  it('migrates idempotently', async () => {
    await migrateDatabase(knex);
    for (const table of Object.values(TABLES)) expect(await knex.schema.hasTable(table)).toBe(true);
  });

  it('serialises concurrent saves: revisions 1…20 in commit order, the latest is the last committed', async () => {
    const saves = Array.from({ length: 20 }, (_, n) =>
      save('component:default/payments', scorecard('component:default/payments', n, 'F', `sha-${n}`), {
        maxHistoryEntries: 50,
      }),
    );
    const revisions = await Promise.all(saves);
    expect([...revisions].sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, n) => n + 1));
    const history = await store.getHistory('component:default/payments', 50);
    expect(history).toHaveLength(20);
    // Revision r was given to the save that committed r-th: the last history point is the stored scorecard.
    const byRevision = new Map(revisions.map((revision, n) => [revision, `sha-${n}`]));
    expect(history.map((point) => point.commitSha)).toEqual(
      Array.from({ length: 20 }, (_, n) => byRevision.get(n + 1)),
    );
    expect((await store.getScorecard('component:default/payments'))!.commitSha).toBe(byRevision.get(20));
  });

  it('trims the history to the newest maxHistoryEntries and reports trends per entity', async () => {
    for (let n = 0; n < 6; n++) {
      await save('component:default/a', scorecard('component:default/a', 10 * n, 'F', `a${n}`), {
        maxHistoryEntries: 4,
      });
    }
    await save('component:default/b', scorecard('component:default/b', 99, 'A+', 'b0'), {
      maxHistoryEntries: 4,
    });
    expect((await store.getHistory('component:default/a', 10)).map((point) => point.score)).toEqual([
      20, 30, 40, 50,
    ]);
    expect(
      Number(
        (await knex(TABLES.history).where({ entity_ref: 'component:default/a' }).count({ n: '*' }))[0]!.n,
      ),
    ).toBe(4);
    const trends = await store.getTrends(
      ['component:default/a', 'component:default/b', 'component:default/none'],
      3,
    );
    expect(Object.fromEntries(trends)).toEqual({
      'component:default/a': [30, 40, 50],
      'component:default/b': [99],
      'component:default/none': [],
    });
  });

  it('lists summaries filtered by kind and grade', async () => {
    await save('component:default/a', scorecard('component:default/a', 40, 'F', 'x'), {
      maxHistoryEntries: 4,
    });
    await save('resource:default/b', scorecard('resource:default/b', 95, 'A', 'y'), {
      maxHistoryEntries: 4,
    });
    const all = await store.listSummaries();
    expect(all.map((summary) => summary.key).sort()).toEqual(['component:default/a', 'resource:default/b']);
    expect(all.find((summary) => summary.key === 'resource:default/b')).toEqual({
      key: 'resource:default/b',
      entityRef: 'resource:default/b',
      kind: 'resource',
      namespace: 'default',
      name: 'b',
      revision: 1,
      score: 95,
      grade: 'A',
      gradeRank: 11,
      maturityLevel: 2,
      counts: { critical: 0, high: 1, medium: 2, low: 3, info: 4 },
      source: 'push',
      scannedAt: '2026-06-01T12:00:00.000Z',
    });
    expect((await store.listSummaries({ grades: ['F', 'D'] })).map((summary) => summary.key)).toEqual([
      'component:default/a',
    ]);
  });

  it('records pull state: success with the ETag, a failure that drops it and shows on the scorecard, no manifests', async () => {
    const key = 'component:default/a';
    await save(key, scorecard(key, 50, 'C', 'x'), {
      maxHistoryEntries: 4,
      scanState: { location: 'https://x/deploy', etag: 'e1', settingsHash: 'h' },
    });
    expect(await store.getScanState(key)).toEqual({
      location: 'https://x/deploy',
      etag: 'e1',
      settingsHash: 'h',
      status: 'ok',
      lastAttemptAt: expect.any(String),
      lastSuccessAt: expect.any(String),
    });
    await store.recordScanFailure(key, 'https://x/deploy', 'boom');
    const failed = await store.getScanState(key);
    expect(failed).toMatchObject({ status: 'error', lastError: 'boom', settingsHash: 'h' });
    expect(failed!.etag).toBeUndefined();
    expect((await store.getScorecard(key))!.lastError).toEqual({
      message: 'boom',
      at: failed!.lastAttemptAt,
      location: 'https://x/deploy',
    });

    // A push after the failure is newer than it: no lastError until a pull fails again.
    await save(key, { ...scorecard(key, 60, 'C', 'y'), source: 'push' }, { maxHistoryEntries: 4 });
    expect((await store.getScorecard(key))!.lastError).toBeUndefined();
    expect((await store.getScanState(key))!.status).toBe('error');

    await store.recordNoManifests('component:default/b', 'https://y/deploy/');
    expect(await store.getScanState('component:default/b')).toMatchObject({
      status: 'no-manifests',
      location: 'https://y/deploy/',
    });
    expect(await store.getScorecard('component:default/b')).toBeUndefined();
  });

  it('reads the stored JSON text as saved, and with a failed pull appends it as lastError', async () => {
    const key = 'component:default/a';
    const card = scorecard(key, 50, 'C', 'x');
    // A lastError handed in with a scorecard is not stored: only a later failed pull sets one.
    await save(
      key,
      { ...card, lastError: { message: 'stale', at: '2026-05-01T00:00:00.000Z' } },
      {
        maxHistoryEntries: 4,
      },
    );
    const clean = await store.readScorecard(key);
    expect(clean).toEqual({ json: JSON.stringify(card), revision: 1 });

    await store.recordScanFailure(key, 'https://x/deploy', 'boom "quoted"\nsecond line');
    const failed = await store.readScorecard(key);
    const lastError = {
      message: 'boom "quoted"\nsecond line',
      at: (await store.getScanState(key))!.lastAttemptAt,
      location: 'https://x/deploy',
    };
    expect(failed).toEqual({
      json: JSON.stringify({ ...card, lastError }),
      revision: 1,
      pullError: JSON.stringify(lastError),
    });
  });
});
