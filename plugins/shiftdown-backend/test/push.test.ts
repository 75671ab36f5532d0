import { gzipSync } from 'node:zlib';
import request from 'supertest';
import { mockCredentials } from '@backstage/backend-test-utils';
import { JSON_REPORT_VERSION } from '@shiftdown/policy-core';
import type { Scorecard } from '@shiftdown/backstage-plugin-shiftdown-common';
import { component, startShiftdown, type ShiftdownBackend } from './helpers/backend.js';
import { createTestDatabases } from './helpers/databases.js';
import { HARDENED_DEPLOYMENT, jsonReportOf, RISKY_DEPLOYMENT } from './helpers/manifests.js';

const { databases, ids } = createTestDatabases();
const SERVICE = mockCredentials.service.header();
const SHA = '8f14e45fceea167a5a36dedd4bea2543a1b2c3d4';

describe.each(ids)('push on %s', (databaseId) => {
  let shiftdown: ShiftdownBackend;

  beforeEach(async () => {
    shiftdown = await startShiftdown({
      knex: await databases.init(databaseId),
      entities: [component('payments'), component('catalog'), component('audit')],
      config: { shiftdown: { push: { maxBodySize: '64kb' } } },
      anonymousByDefault: true,
    });
  });

  afterEach(async () => {
    await shiftdown.backend.stop();
  });

  it('stores a pushed report and answers 201 with the scorecard, commit and source links', async () => {
    const report = jsonReportOf({ 'deploy/payments.yaml': RISKY_DEPLOYMENT });
    const response = await request(shiftdown.server)
      .post(
        `/api/shiftdown/reports/component/default/payments?commit=${SHA}&repository=https://github.com/acme/payments.git&ref=main`,
      )
      .set('Authorization', SERVICE)
      .send(report);

    expect(response.status).toBe(201);
    expect(response.headers.location).toBe('/api/shiftdown/scorecards/component/default/payments');
    const scorecard = response.body as Scorecard;
    expect(scorecard).toMatchObject({
      entityRef: 'component:default/payments',
      score: report.summary.score,
      grade: 'D',
      cap: 'a critical finding caps the grade at D',
      counts: { critical: 1, high: 0, medium: 12, low: 7, info: 0 },
      source: 'push',
      commitSha: SHA,
      ref: 'main',
      location: 'https://github.com/acme/payments',
      profile: 'recommended',
      files: 1,
      resources: 1,
      suppressed: [],
      errors: [],
    });
    expect(scorecard.findings).toHaveLength(20);
    // Worst first, with the rule's title, remediation, docs and a link to the line.
    expect(scorecard.findings[0]).toEqual({
      ruleId: 'privileged-container',
      title: report.rules.find((rule) => rule.id === 'privileged-container')!.title,
      severity: 'critical',
      category: 'isolation',
      message: report.findings.find((finding) => finding.ruleId === 'privileged-container')!.message,
      file: 'deploy/payments.yaml',
      line: 24,
      column: 13,
      endLine: 24,
      endColumn: 29,
      resource: { kind: 'Deployment', apiVersion: 'apps/v1', namespace: 'shop', name: 'payments' },
      container: 'debug',
      field: 'spec.template.spec.containers[1].securityContext.privileged',
      remediation: report.rules.find((rule) => rule.id === 'privileged-container')!.remediation,
      helpUri: report.rules.find((rule) => rule.id === 'privileged-container')!.helpUri,
      sourceUrl: `https://github.com/acme/payments/blob/${SHA}/deploy/payments.yaml#L24`,
      fingerprint: report.findings.find((finding) => finding.ruleId === 'privileged-container')!.fingerprint,
    });

    const stored = await request(shiftdown.server)
      .get('/api/shiftdown/scorecards/component/default/payments')
      .set('Authorization', SERVICE);
    expect(stored.status).toBe(200);
    expect(stored.body).toEqual(scorecard);
  });

  it('reads the commit, repository and ref from headers, and links GitLab files the GitLab way', async () => {
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/catalog')
      .set('Authorization', SERVICE)
      .set('X-Shiftdown-Commit', SHA.toUpperCase())
      .set('X-Shiftdown-Repository', 'https://gitlab.com/acme/catalog')
      .set('X-Shiftdown-Ref', 'release/2.0')
      .send(jsonReportOf({ 'k8s/catalog.yaml': HARDENED_DEPLOYMENT }));
    expect(response.status).toBe(201);
    expect(response.body.commitSha).toBe(SHA);
    expect(response.body.ref).toBe('release/2.0');
    expect(response.body.findings[0].sourceUrl).toBe(
      `https://gitlab.com/acme/catalog/-/blob/${SHA}/k8s/catalog.yaml#L14`,
    );
  });

  it('leaves links out for a repository host no SCM integration knows', async () => {
    const response = await request(shiftdown.server)
      .post(
        `/api/shiftdown/reports/component/default/catalog?commit=${SHA}&repository=https://git.example.org/acme/catalog`,
      )
      .set('Authorization', SERVICE)
      .send(jsonReportOf({ 'catalog.yaml': HARDENED_DEPLOYMENT }));
    expect(response.status).toBe(201);
    expect(response.body.findings.map((finding: { sourceUrl?: string }) => finding.sourceUrl)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('accepts a gzip-compressed body (the size limit applies to the uncompressed report)', async () => {
    const body = gzipSync(JSON.stringify(jsonReportOf({ 'a.yaml': HARDENED_DEPLOYMENT })));
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/catalog')
      .set('Authorization', SERVICE)
      .set('Content-Type', 'application/octet-stream') // superagent would JSON-encode a Buffer sent as application/json
      .set('Content-Encoding', 'gzip')
      .send(body);
    expect(response.status).toBe(201);
    expect(response.body.grade).toBe('A');

    const report = jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT });
    const large = gzipSync(
      JSON.stringify({ ...report, findings: Array.from({ length: 40 }, () => report.findings).flat() }),
    );
    expect(large.length).toBeLessThan(64 * 1024);
    const tooLarge = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/catalog')
      .set('Authorization', SERVICE)
      .set('Content-Type', 'application/octet-stream')
      .set('Content-Encoding', 'gzip')
      .send(large);
    expect(tooLarge.status).toBe(413);
  });

  it('answers 401 without credentials', async () => {
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/payments')
      .send(jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT }));
    expect(response.status).toBe(401);
    expect(response.body.error.name).toBe('AuthenticationError');
    expect(await shiftdown.store.getScorecard('component:default/payments')).toBeUndefined();
  });

  it('answers 403 to a user: only services (CI tokens) push', async () => {
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/payments')
      .set('Authorization', mockCredentials.user.header('user:default/alice'))
      .send(jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT }));
    expect(response.status).toBe(403);
    expect(response.body.error.name).toBe('NotAllowedError');
    expect(await shiftdown.store.getScorecard('component:default/payments')).toBeUndefined();
  });

  it('answers 404 for an entity the catalog does not have', async () => {
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/ghost')
      .set('Authorization', SERVICE)
      .send(jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT }));
    expect(response.status).toBe(404);
    expect(response.body.error).toEqual({
      name: 'NotFoundError',
      message: 'entity component:default/ghost not found in the catalog',
    });
  });

  it('answers 400 with the schema errors for a body that is not a report', async () => {
    const report = jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT }) as unknown as Record<
      string,
      Record<string, unknown>
    >;
    report.summary!.score = 140;
    delete report.summary!.grade;
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/payments')
      .set('Authorization', SERVICE)
      .send(report);
    expect(response.status).toBe(400);
    expect(response.body.error.name).toBe('InputError');
    expect(response.body.error.message).toBe(
      `the body is not a Shiftdown JSON report (format ${JSON_REPORT_VERSION}): /summary must have required property 'grade'; /summary/score must be <= 100`,
    );
    expect(response.body.error.details).toEqual([
      expect.objectContaining({
        instancePath: '/summary',
        keyword: 'required',
        params: { missingProperty: 'grade' },
      }),
      expect.objectContaining({
        instancePath: '/summary/score',
        keyword: 'maximum',
        params: { comparison: '<=', limit: 100 },
      }),
    ]);
    expect(response.body.response).toEqual({ statusCode: 400 });
  });

  it('answers 400 for invalid JSON and for a report of another major version', async () => {
    const broken = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/payments')
      .set('Authorization', SERVICE)
      .set('Content-Type', 'application/json')
      .send('{"version": "1.0.0",');
    expect(broken.status).toBe(400);
    expect(broken.body.error.name).toBe('InputError');
    expect(broken.body.error.message).toMatch(/^the body is not valid JSON: /);

    const future = { ...jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT }), version: '2.0.0' };
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/payments')
      .set('Authorization', SERVICE)
      .send(future);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toContain('/version must match pattern "^1\\.[0-9]+\\.[0-9]+$"');
  });

  it('accepts a newer minor version with fields it does not know', async () => {
    const report = {
      ...jsonReportOf({ 'a.yaml': HARDENED_DEPLOYMENT }),
      version: '1.7.0',
      provenance: { runner: 'ci' },
    };
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/catalog')
      .set('Authorization', SERVICE)
      .send(report);
    expect(response.status).toBe(201);
    expect(response.body.grade).toBe('A');
  });

  it('answers 413 for a body over push.maxBodySize, before storing anything', async () => {
    const report = jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT });
    const padded = { ...report, findings: Array.from({ length: 40 }, () => report.findings).flat() };
    const body = JSON.stringify(padded);
    expect(body.length).toBeGreaterThan(64 * 1024);
    const response = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/payments')
      .set('Authorization', SERVICE)
      .set('Content-Type', 'application/json')
      .send(body);
    expect(response.status).toBe(413);
    expect(response.body.error).toEqual({
      name: 'PayloadTooLargeError',
      message: 'the report is larger than shiftdown.push.maxBodySize (64kb)',
    });
    expect(await shiftdown.store.getScorecard('component:default/payments')).toBeUndefined();
  });

  it('answers 400 for an invalid commit or repository', async () => {
    const report = jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT });
    const badCommit = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/payments?commit=main')
      .set('Authorization', SERVICE)
      .send(report);
    expect(badCommit.status).toBe(400);
    expect(badCommit.body.error.message).toBe(
      'invalid commit "main": give the commit SHA (7 to 64 hexadecimal digits)',
    );
    const badRepository = await request(shiftdown.server)
      .post('/api/shiftdown/reports/component/default/payments?repository=git@github.com:acme/payments.git')
      .set('Authorization', SERVICE)
      .send(report);
    expect(badRepository.status).toBe(400);
    expect(badRepository.body.error.message).toBe(
      'invalid repository "git@github.com:acme/payments.git": give its https:// URL',
    );
  });

  it('loses nothing under 20 concurrent pushes for one entity and for several entities', async () => {
    const report = jsonReportOf({ 'a.yaml': RISKY_DEPLOYMENT });
    const shaOf = (n: number) => n.toString(16).padStart(40, 'a');
    const push = (name: string, n: number) =>
      request(shiftdown.server)
        .post(`/api/shiftdown/reports/component/default/${name}?commit=${shaOf(n)}`)
        .set('Authorization', SERVICE)
        .send(report);

    const single = await Promise.all(Array.from({ length: 20 }, (_, n) => push('payments', n)));
    expect(single.map((response) => response.status)).toEqual(Array(20).fill(201));
    const history = await shiftdown.store.getHistory('component:default/payments', 100);
    expect(history).toHaveLength(20);
    expect(new Set(history.map((point) => point.commitSha))).toEqual(
      new Set(Array.from({ length: 20 }, (_, n) => shaOf(n))),
    );
    // The stored scorecard is the last committed push: the newest history point.
    expect((await shiftdown.store.getScorecard('component:default/payments'))!.commitSha).toBe(
      history[19]!.commitSha,
    );

    const names = ['payments', 'catalog', 'audit'];
    const mixed = await Promise.all(Array.from({ length: 21 }, (_, n) => push(names[n % 3]!, 100 + n)));
    expect(mixed.map((response) => response.status)).toEqual(Array(21).fill(201));
    for (const [index, name] of names.entries()) {
      const points = await shiftdown.store.getHistory(`component:default/${name}`, 100);
      const pushed = Array.from({ length: 7 }, (_, k) => shaOf(100 + index + 3 * k));
      const own = points.filter((point) => pushed.includes(point.commitSha!));
      expect(own).toHaveLength(7);
      expect((await shiftdown.store.getScorecard(`component:default/${name}`))!.commitSha).toBe(
        points[points.length - 1]!.commitSha,
      );
    }
  });
});
