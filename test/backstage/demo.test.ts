/**
 * The runnable demo, end to end: the built demo backend (examples/backstage/backend/dist, SQLite in
 * memory) started as a real process on a free port, checked over HTTP and in headless Chromium.
 * Needs the workspace built (`pnpm build`) and Debian's chromium.
 */
import { join } from 'node:path';
import type { OverviewEntry, Scorecard } from '@shiftdown/backstage-plugin-shiftdown-common';
import { CLI_BIN, runNode, testEnv } from '../cli/run-cli.js';
import { launchBrowser, openSignedIn, runTemplate, screenshot, type DemoBrowser } from './browser.js';
import {
  DEMO_SERVICES,
  REPO_ROOT,
  getScorecard,
  startDemoBackend,
  waitForScorecards,
  type DemoBackend,
} from './demo-backend.js';
import { catalogTemplate, dryRun, runTask } from './scaffolder.js';

const STARTUP_TIMEOUT = 240_000;

let demo: DemoBackend;
let overview: OverviewEntry[];
const scorecards = new Map<string, Scorecard>();

beforeAll(async () => {
  demo = await startDemoBackend();
  overview = await waitForScorecards(demo);
  for (const name of DEMO_SERVICES) scorecards.set(name, await getScorecard(demo, name));
}, STARTUP_TIMEOUT);

afterAll(async () => {
  await demo?.stop();
});

function scorecard(name: string): Scorecard {
  const found = scorecards.get(name);
  if (!found) throw new Error(`no scorecard for ${name}`);
  return found;
}

/** The CLI's JSON report for one example service, scanned from the repository root. */
async function cliSummary(name: string): Promise<{ score: number; grade: string }> {
  const result = await runNode(
    [CLI_BIN, 'scan', `examples/services/${name}`, '--format', 'json', '--fail-on', 'none'],
    { cwd: REPO_ROOT, env: testEnv() },
  );
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).summary;
}

describe('the demo backend over HTTP', () => {
  it('computes, at start-up, a scorecard for each of the five example services', () => {
    expect(overview.map((entry) => entry.entityRef).sort()).toEqual(
      DEMO_SERVICES.map((name) => `component:default/${name}`).sort(),
    );
    for (const name of DEMO_SERVICES) expect(scorecard(name).source).toBe('pull');
  });

  it.each(DEMO_SERVICES)('scores %s exactly as `shiftdown scan` does', async (name) => {
    const cli = await cliSummary(name);
    expect({ score: scorecard(name).score, grade: scorecard(name).grade }).toEqual({
      score: cli.score,
      grade: cli.grade,
    });
  });

  it('grades the hardened service above the typical one, and the typical one above the risky one', () => {
    const hardened = scorecard('payments-hardened');
    const typical = scorecard('catalog-typical');
    const risky = scorecard('node-agent-risky');
    expect(hardened).toMatchObject({ score: 100, grade: 'A+' });
    expect(hardened.findings).toEqual([]);
    expect(typical.score).toBeLessThan(hardened.score);
    expect(risky.score).toBeLessThan(typical.score);
    expect(risky.grade).toBe('D');
    expect(risky.counts.critical).toBeGreaterThan(0);
  });

  it('lists the services in the overview with their owners from the catalog', () => {
    const owners = Object.fromEntries(overview.map((entry) => [entry.name, entry.owner]));
    expect(owners).toEqual({
      'payments-hardened': 'group:default/shop-team',
      'catalog-typical': 'group:default/shop-team',
      'mcp-github-server': 'group:default/shop-team',
      'node-agent-risky': 'group:default/platform-team',
      'gpu-training-job': 'group:default/ml-team',
    });
  });

  it('locates findings in the example files, with a link to the file and line', () => {
    const risky = scorecard('node-agent-risky');
    const manifest = join(REPO_ROOT, 'examples', 'services', 'node-agent-risky', 'daemonset.yaml');
    const socket = risky.findings.find(
      (finding) => finding.ruleId === 'sensitive-host-path' && finding.line === 34,
    );
    expect(socket).toMatchObject({
      severity: 'critical',
      file: 'daemonset.yaml',
      line: 34,
      column: 23,
      sourceUrl: `file://${manifest}#L34`,
    });
  });

  it('accepts a CI push with the demo push token, and only with it', async () => {
    const scan = await runNode(
      [CLI_BIN, 'scan', 'examples/services/gpu-training-job', '--format', 'json', '--fail-on', 'none'],
      { cwd: REPO_ROOT, env: testEnv() },
    );
    const report = JSON.parse(scan.stdout);
    const commit = '0123456789abcdef0123456789abcdef01234567';
    const path = `/api/shiftdown/reports/component/default/gpu-training-job?commit=${commit}`;
    expect((await demo.request('POST', path, undefined, report)).status).toBe(401);
    expect((await demo.request('POST', path, 'not-the-token', report)).status).toBe(401);
    const pushed = await demo.request('POST', path, demo.pushToken, report);
    expect(pushed.status).toBeLessThan(300);
    const after = await getScorecard(demo, 'gpu-training-job');
    expect(after).toMatchObject({
      source: 'push',
      commitSha: commit,
      score: report.summary.score,
      grade: report.summary.grade,
    });
  });

  it('keeps the suppressed finding with its reason from the annotation', () => {
    const suppressed = scorecard('node-agent-risky').suppressed.filter(
      (finding) => finding.ruleId === 'host-namespaces',
    );
    // hostPID and hostNetwork in daemonset.yaml, both accepted by the pod template's annotation.
    expect(suppressed.map((finding) => `${finding.file}:${finding.line}`).sort()).toEqual([
      'daemonset.yaml:17',
      'daemonset.yaml:18',
    ]);
    for (const finding of suppressed) {
      expect(finding.suppressed?.reason).toBe('needs hostPID to read /proc of host processes (SEC-142)');
    }
  });
});

/** `shiftdown template check examples/templates/<name>`: the same template, rendered and scanned by the CLI. */
async function templateCheck(
  name: string,
): Promise<{ score: number; grade: string; counts: Record<string, number> }> {
  const result = await runNode(
    [CLI_BIN, 'template', 'check', `examples/templates/${name}`, '--format', 'json', '--fail-on', 'none'],
    { cwd: REPO_ROOT, env: testEnv() },
  );
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout).summary;
}

const PASSED_OUTPUT =
  'Shiftdown score **100/100** (grade A+), 0 findings.\nThe full report is in `.shiftdown/report.json`.\n';
const RISKY_PRIVILEGED =
  '- privileged-container (critical) k8s/deployment.yaml:24 — Container "build-runner" runs privileged: it has full access to the host.';

async function riskyHeadline(): Promise<string> {
  const cli = await templateCheck('risky-service');
  const blocking = (cli.counts.critical ?? 0) + (cli.counts.high ?? 0);
  return `Shiftdown policy check failed for k8s (score ${cli.score}/100, grade ${cli.grade}): ${blocking} findings at or above high.`;
}

describe('the golden-path templates in the demo', () => {
  it('are in the catalog, from examples/templates', async () => {
    await expect(catalogTemplate(demo, 'hardened-service')).resolves.toMatchObject({
      metadata: { title: 'Hardened service' },
    });
    await expect(catalogTemplate(demo, 'risky-service')).resolves.toMatchObject({
      metadata: { title: 'Quick-start service (risky)' },
    });
  });

  it('dry-run: the hardened template renders its manifests and passes the shiftdown:check step', async () => {
    const result = await dryRun(demo, 'hardened-service');
    expect(result.status).toBe(200);
    expect(result.output).toEqual({ text: [{ title: 'Kubernetes policy', content: PASSED_OUTPUT }] });
    expect(
      Object.keys(result.files)
        .filter((path) => path.startsWith('k8s/'))
        .sort(),
    ).toEqual([
      'k8s/deployment.yaml',
      'k8s/networkpolicy.yaml',
      'k8s/poddisruptionbudget.yaml',
      'k8s/service.yaml',
      'k8s/serviceaccount.yaml',
    ]);
    expect(JSON.parse(result.files['.shiftdown/report.json']!).summary).toMatchObject({
      score: 100,
      grade: 'A+',
    });
  });

  it('dry-run: the risky template fails with 400 and the located violations', async () => {
    const result = await dryRun(demo, 'risky-service');
    expect(result.status).toBe(400);
    expect(result.error?.name).toBe('InputError');
    const [headline, ...violations] = result.error!.message.split('\n');
    expect(headline).toBe(await riskyHeadline());
    expect(violations[0]!.startsWith(RISKY_PRIVILEGED)).toBe(true);
  });

  it('run as from the Create page: the hardened template completes, with the score in its output', async () => {
    const task = await runTask(demo, 'hardened-service');
    expect(task.status).toBe('completed');
    expect(task.steps).toEqual({ fetch: 'completed', check: 'completed' });
    expect(task.log).toContain('info: Shiftdown policy check passed for k8s');
    expect(task.completion?.output).toEqual({
      text: [{ title: 'Kubernetes policy', content: PASSED_OUTPUT }],
    });
  });

  it('run as from the Create page: the risky template fails at the shiftdown:check step', async () => {
    const task = await runTask(demo, 'risky-service');
    expect(task.status).toBe('failed');
    expect(task.steps).toEqual({ fetch: 'completed', check: 'failed' });
    expect(task.completion?.error?.name).toBe('InputError');
    const [headline, ...violations] = task.completion!.error!.message.split('\n');
    expect(headline).toBe(await riskyHeadline());
    expect(violations[0]!.startsWith(RISKY_PRIVILEGED)).toBe(true);
  });
});

describe('the demo app in Chromium', () => {
  let browser: DemoBrowser;

  beforeAll(async () => {
    browser = await launchBrowser();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
  });

  it('signs in as the guest and shows the risky service grade and a finding linked to its file and line', async () => {
    const { page } = browser;
    const risky = scorecard('node-agent-risky');
    await openSignedIn(page, `${demo.baseUrl}/catalog/default/component/node-agent-risky/security`);
    await page.getByLabel(`Grade ${risky.grade}`, { exact: true }).first().waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('shiftdown-score').first().textContent()).resolves.toBe(
      `${risky.score} / 100`,
    );

    const finding = risky.findings.find((item) => item.ruleId === 'sensitive-host-path' && item.line === 34)!;
    const link = page.locator(`a[href="${finding.sourceUrl}"]`).first();
    await link.waitFor({ timeout: 30_000 });
    await expect(link.textContent()).resolves.toContain(`daemonset.yaml:34`);
    await screenshot(page, 'security-tab-node-agent-risky');
    await link.scrollIntoViewIfNeeded();
    await screenshot(page, 'security-tab-node-agent-risky-finding');
  }, 120_000);

  it('shows the hardened service A+ on its Security tab', async () => {
    const { page } = browser;
    await openSignedIn(page, `${demo.baseUrl}/catalog/default/component/payments-hardened/security`);
    await page.getByLabel('Grade A+', { exact: true }).first().waitFor({ timeout: 60_000 });
    await expect(page.getByTestId('shiftdown-score').first().textContent()).resolves.toBe('100 / 100');
    await screenshot(page, 'security-tab-payments-hardened');
  }, 120_000);

  it('lists the five services with their grades on the overview page', async () => {
    const { page } = browser;
    await openSignedIn(page, `${demo.baseUrl}/shiftdown`);
    for (const name of DEMO_SERVICES) {
      // Each row's grade badge links to the service's Security tab.
      const badge = page.getByLabel(`Grade ${scorecard(name).grade}: open the Security tab of ${name}`);
      await badge.waitFor({ timeout: 60_000 });
      await expect(badge.getAttribute('href')).resolves.toBe(`/catalog/default/component/${name}/security`);
      const cells = await page
        .getByTestId(`shiftdown-row-component:default/${name}`)
        .getByRole('cell')
        .allTextContents();
      expect(cells[3]).toBe(String(scorecard(name).score));
    }
    await expect(page.getByLabel(/^Grade .*: open the Security tab of /).count()).resolves.toBe(
      DEMO_SERVICES.length,
    );
    await screenshot(page, 'overview');
  }, 120_000);

  it('offers the two golden-path templates on the Create page', async () => {
    const { page } = browser;
    await openSignedIn(page, `${demo.baseUrl}/create`);
    for (const title of ['Hardened service', 'Quick-start service (risky)']) {
      await page.getByText(title, { exact: true }).waitFor({ timeout: 60_000 });
    }
    await screenshot(page, 'create-page');
  }, 120_000);

  it('runs the risky template from the Create page and fails it at the Shiftdown check, listing the violations', async () => {
    const { page } = browser;
    await runTemplate(page, demo.baseUrl, 'Quick-start service (risky)', 'build-runner');
    // The task page's error panel: the step's InputError, one list item per violation.
    await page.getByText(`Error: ${await riskyHeadline()}`, { exact: true }).waitFor({ timeout: 60_000 });
    await page
      .getByRole('listitem')
      .filter({ hasText: RISKY_PRIVILEGED.slice(2) })
      .first()
      .waitFor();
    await screenshot(page, 'template-risky-failed');
  }, 120_000);

  it('runs the hardened template from the Create page and shows its score', async () => {
    const { page } = browser;
    await runTemplate(page, demo.baseUrl, 'Hardened service', 'orders-api');
    await page
      .getByText('Shiftdown score 100/100 (grade A+), 0 findings.', { exact: false })
      .waitFor({ timeout: 60_000 });
    await screenshot(page, 'template-hardened-passed');
  }, 120_000);
});
