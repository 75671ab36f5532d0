import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import type { OverviewResponse } from '@shiftdown/backstage-plugin-shiftdown-common';
import {
  ALICE,
  BOB,
  component,
  RESTRICTED_LABEL,
  startShiftdown,
  type ShiftdownBackend,
} from './helpers/backend.js';
import { createTestDatabases } from './helpers/databases.js';
import { HARDENED_DEPLOYMENT, jsonReportOf, RISKY_DEPLOYMENT } from './helpers/manifests.js';

const { databases, ids } = createTestDatabases();
const SERVICE = mockCredentials.service.header();
const AS_BOB = mockCredentials.user.header(BOB);
const AS_ALICE = mockCredentials.user.header(ALICE);
const risky = jsonReportOf({ 'deploy/app.yaml': RISKY_DEPLOYMENT });
const hardened = jsonReportOf({ 'deploy/app.yaml': HARDENED_DEPLOYMENT });
const sha = (n: number) => String(n).repeat(40).slice(0, 40);

describe.each(ids)('read API on %s', (databaseId) => {
  let shiftdown: ShiftdownBackend;

  beforeEach(async () => {
    shiftdown = await startShiftdown({
      knex: await databases.init(databaseId),
      entities: [
        component('payments', {}, { title: 'Payments API' }, { owner: 'team-a' }),
        component('catalog', {}, {}, { owner: 'group:default/team-b' }),
        component('audit', {}, { labels: { [RESTRICTED_LABEL]: 'true' } }, { owner: 'team-a' }),
        { ...component('queue', {}, {}, { owner: 'team-b' }), kind: 'Resource' },
      ],
      config: { shiftdown: { history: { maxEntries: 3 } } },
      anonymousByDefault: true,
    });
  });

  afterEach(async () => {
    await shiftdown.backend.stop();
  });

  const push = (path: string, report: object, commit?: number) =>
    request(shiftdown.server)
      .post(`/api/shiftdown/reports/${path}${commit === undefined ? '' : `?commit=${sha(commit)}`}`)
      .set('Authorization', SERVICE)
      .send(report)
      .expect(201);

  it('serves a scorecard to whoever may see the entity, 404 to others, 401 without credentials', async () => {
    const missing = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/audit')
      .set('Authorization', AS_ALICE);
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({
      name: 'NotFoundError',
      message: 'no scorecard for component:default/audit yet',
    });

    const pushed = await push('component/default/audit', risky);
    const alice = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/Component/DEFAULT/Audit')
      .set('Authorization', AS_ALICE);
    expect(alice.status).toBe(200);
    expect(alice.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(alice.body).toEqual(pushed.body);

    // The catalog hides the entity from Bob: its scorecard does not exist for him either.
    const bob = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/audit')
      .set('Authorization', AS_BOB);
    expect(bob.status).toBe(404);
    expect(bob.body.error).toEqual({
      name: 'NotFoundError',
      message: 'entity component:default/audit not found',
    });
    const bobHistory = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/audit/history')
      .set('Authorization', AS_BOB);
    expect(bobHistory.status).toBe(404);

    // The revision is the ETag: an unchanged scorecard is a 304, a new push changes it.
    const etag = alice.headers.etag as string;
    expect(etag).toMatch(/^W\/"r1-\d+"$/);
    const notModified = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/audit')
      .set('Authorization', AS_ALICE)
      .set('If-None-Match', etag);
    expect(notModified.status).toBe(304);
    await push('component/default/audit', hardened);
    const changed = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/audit')
      .set('Authorization', AS_ALICE)
      .set('If-None-Match', etag);
    expect(changed.status).toBe(200);
    expect(changed.headers.etag).toMatch(/^W\/"r2-\d+"$/);
    expect(changed.body.grade).toBe('A');

    const anonymous = await request(shiftdown.server).get(
      '/api/shiftdown/scorecards/component/default/audit',
    );
    expect(anonymous.status).toBe(401);
    const anonymousOverview = await request(shiftdown.server).get('/api/shiftdown/overview');
    expect(anonymousOverview.status).toBe(401);
  });

  it('keeps history.maxEntries points per entity and serves the most recent ones oldest first', async () => {
    for (const [n, report] of [risky, risky, hardened, risky, hardened].entries())
      await push('component/default/payments', report, n + 1);
    await push('component/default/catalog', risky, 9);

    const all = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/payments/history')
      .set('Authorization', AS_BOB);
    expect(all.status).toBe(200);
    expect(all.body).toEqual({
      entityRef: 'component:default/payments',
      items: [
        {
          scannedAt: expect.any(String),
          score: hardened.summary.score,
          grade: 'A',
          source: 'push',
          commitSha: sha(3),
        },
        {
          scannedAt: expect.any(String),
          score: risky.summary.score,
          grade: 'D',
          source: 'push',
          commitSha: sha(4),
        },
        {
          scannedAt: expect.any(String),
          score: hardened.summary.score,
          grade: 'A',
          source: 'push',
          commitSha: sha(5),
        },
      ],
    });
    const two = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/payments/history?limit=2')
      .set('Authorization', AS_BOB);
    expect(two.body.items.map((item: { commitSha: string }) => item.commitSha)).toEqual([sha(4), sha(5)]);
    // Another entity's history is its own.
    const catalog = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/catalog/history')
      .set('Authorization', AS_BOB);
    expect(catalog.body.items.map((item: { commitSha: string }) => item.commitSha)).toEqual([sha(9)]);

    const invalid = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/payments/history?limit=0')
      .set('Authorization', AS_BOB);
    expect(invalid.status).toBe(400);
    expect(invalid.body.error).toEqual({
      name: 'InputError',
      message: 'invalid limit "0": give a whole number from 1 to 10000',
    });
  });

  describe('overview', () => {
    beforeEach(async () => {
      await push('component/default/payments', risky, 1);
      await push('component/default/catalog', risky, 2);
      await push('component/default/catalog', hardened, 3);
      await push('component/default/audit', hardened, 4);
      await push('resource/default/queue', risky, 5);
    });

    const overview = async (query: string, auth = AS_BOB) => {
      const response = await request(shiftdown.server)
        .get(`/api/shiftdown/overview${query}`)
        .set('Authorization', auth);
      expect(response.status).toBe(200);
      return response.body as OverviewResponse;
    };
    const names = (body: OverviewResponse) => body.items.map((item) => item.name);

    it('lists what the caller can see, worst score first, with owner, title and trend from the catalog and history', async () => {
      const body = await overview('');
      expect(body.total).toBe(3);
      expect(names(body)).toEqual(['payments', 'queue', 'catalog']);
      expect(body.items[0]).toEqual({
        entityRef: 'component:default/payments',
        kind: 'Component',
        namespace: 'default',
        name: 'payments',
        title: 'Payments API',
        owner: 'group:default/team-a',
        score: risky.summary.score,
        grade: 'D',
        maturityLevel: risky.summary.maturity.level,
        counts: { critical: 1, high: 0, medium: 12, low: 7, info: 0 },
        scannedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
        source: 'push',
        trend: [risky.summary.score],
      });
      expect(body.items[2]).toMatchObject({
        name: 'catalog',
        grade: 'A',
        owner: 'group:default/team-b',
        trend: [risky.summary.score, hardened.summary.score],
      });
      expect(body.items[2]!.title).toBeUndefined();

      expect(names(await overview('', AS_ALICE))).toEqual(['payments', 'queue', 'audit', 'catalog']);
    });

    it('filters by owner, kind and grade', async () => {
      expect(names(await overview('?owner=team-a'))).toEqual(['payments']);
      expect(names(await overview('?owner=group:default/team-a', AS_ALICE))).toEqual(['payments', 'audit']);
      expect(names(await overview('?owner=team-b'))).toEqual(['queue', 'catalog']);
      expect(names(await overview('?owner=team-a,team-b&kind=component'))).toEqual(['payments', 'catalog']);
      expect(names(await overview('?kind=Resource'))).toEqual(['queue']);
      expect(names(await overview('?grade=A'))).toEqual(['catalog']);
      expect(names(await overview('?grade=d,f'))).toEqual(['payments', 'queue']);
      const none = await overview('?owner=team-c');
      expect(none).toEqual({
        items: [],
        total: 0,
        facets: { owners: ['group:default/team-a', 'group:default/team-b'], kinds: [] },
      });
    });

    it('gives the owner and kind filters their values: each from what the other filters leave', async () => {
      const facets = async (query: string, auth = AS_BOB) => (await overview(query, auth)).facets;
      const [teamA, teamB] = ['group:default/team-a', 'group:default/team-b'];
      // Bob cannot see audit (team-a's Component).
      expect(await facets('')).toEqual({ owners: [teamA, teamB], kinds: ['Component', 'Resource'] });
      // A chosen owner leaves the other owners as options, and narrows the kinds.
      expect(await facets('?owner=team-a')).toEqual({ owners: [teamA, teamB], kinds: ['Component'] });
      // A chosen kind leaves the other kinds, and narrows the owners.
      expect(await facets('?kind=resource')).toEqual({ owners: [teamB], kinds: ['Component', 'Resource'] });
      // The grade filter narrows both.
      expect(await facets('?grade=A')).toEqual({ owners: [teamB], kinds: ['Component'] });
      expect(await facets('?grade=A', AS_ALICE)).toEqual({ owners: [teamA, teamB], kinds: ['Component'] });
    });

    it('sorts and pages', async () => {
      expect(names(await overview('?sort=score&order=desc'))).toEqual(['catalog', 'payments', 'queue']);
      expect(names(await overview('?sort=grade&order=desc'))).toEqual(['catalog', 'payments', 'queue']);
      expect(names(await overview('?sort=name'))).toEqual(['catalog', 'payments', 'queue']);
      expect(names(await overview('?sort=name&order=desc'))).toEqual(['queue', 'payments', 'catalog']);
      expect(names(await overview('?sort=owner'))).toEqual(['payments', 'catalog', 'queue']);
      expect(names(await overview('?sort=scannedAt&order=desc'))).toEqual(['queue', 'catalog', 'payments']);
      const page = await overview('?sort=name&limit=1&offset=1');
      expect(page.total).toBe(3);
      expect(names(page)).toEqual(['payments']);
    });

    it('answers 400 for an invalid query', async () => {
      const cases: [string, string][] = [
        ['?sort=risk', 'invalid sort "risk": give one of score, grade, name, scannedAt, owner'],
        ['?order=up', 'invalid order "up": give asc or desc'],
        ['?grade=E', 'invalid grade "E": give one of A+, A, A-, B+, B, B-, C+, C, C-, D+, D, D-, F'],
        ['?limit=5000', 'invalid limit "5000": give a whole number from 1 to 1000'],
        ['?offset=-1', 'invalid offset "-1": give a whole number from 0 to 9007199254740991'],
        [
          '?owner=group:',
          'invalid owner "group:": give an entity ref such as team-a or group:default/team-a',
        ],
      ];
      for (const [query, message] of cases) {
        const response = await request(shiftdown.server)
          .get(`/api/shiftdown/overview${query}`)
          .set('Authorization', AS_BOB);
        expect([query, response.status, response.body.error]).toEqual([
          query,
          400,
          { name: 'InputError', message },
        ]);
      }
    });
  });
});
