import { screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { EntitySecurityContent } from '../../src/components/EntitySecurityContent/index.js';
import type { ScorecardFinding } from '@shiftdown/backstage-plugin-shiftdown-common';
import {
  cleanScorecard,
  kubernetesEntity,
  networkPolicyFinding,
  networkPolicyFindings,
  paymentsEntity,
  paymentsHistory,
  riskyScorecard,
  staleScorecard,
  unannotatedEntity,
} from '../fixtures.js';
import { fakeShiftdownApi, pending, pinNow, renderWithApis, responseError } from '../render.js';

const paymentsRef = { kind: 'Component', namespace: 'default', name: 'payments' };

function loadedApi(scorecard = riskyScorecard) {
  const api = fakeShiftdownApi();
  api.getScorecard.mockResolvedValue({ scorecard });
  api.getHistory.mockResolvedValue(paymentsHistory);
  return api;
}

function renderTab(api = loadedApi(), entity = paymentsEntity) {
  return renderWithApis(<EntitySecurityContent />, { api, entity });
}

/** A finding's facts as [label, value] pairs, in order (Resource, Container, Field, Location). */
function facts(article: HTMLElement): Array<[string, string]> {
  return [...article.querySelectorAll('dt')].map((term) => [
    term.textContent ?? '',
    term.nextElementSibling?.textContent ?? '',
  ]);
}

describe('EntitySecurityContent (the Security tab)', () => {
  beforeEach(pinNow);

  it('shows the grade and score prominently, with the cap, the counts and how the scan happened', async () => {
    const api = loadedApi();
    await renderTab(api);

    expect(await screen.findByLabelText('Grade D')).toHaveTextContent('D');
    expect(screen.getByTestId('shiftdown-score')).toHaveTextContent('58 / 100');
    expect(screen.getByText('A critical finding caps the grade at D')).toBeInTheDocument();
    const counts = within(screen.getByRole('list', { name: 'Findings by severity' }));
    expect(counts.getAllByRole('listitem').map((chip) => chip.textContent)).toEqual([
      '1 Critical',
      '1 High',
      '1 Medium',
      '0 Low',
      '0 Info',
    ]);
    expect(screen.getByText('5 minutes ago (2025-03-01 11:55 UTC)')).toBeInTheDocument();
    const source = screen.getByText('Pushed from CI', { exact: false });
    expect(source).toHaveTextContent('Pushed from CI · commit 3f2a9c1');
    expect(within(source).getByTitle('3f2a9c1d8e7b6a5f4e3d2c1b0a9f8e7d6c5b4a39')).toHaveTextContent(
      '3f2a9c1',
    );
    expect(
      screen.getByRole('link', { name: 'https://github.com/acme/payments, Opens in a new window' }),
    ).toHaveAttribute('href', 'https://github.com/acme/payments');
    expect(screen.getByText('4 files, 5 resources · Shiftdown 0.1.0')).toBeInTheDocument();

    expect(api.getScorecard).toHaveBeenCalledWith(paymentsRef);
    expect(api.getHistory).toHaveBeenCalledWith(paymentsRef, { limit: 30 });
  });

  it('shows the maturity level and what the next level needs', async () => {
    await renderTab();
    expect(await screen.findByText('Level 1 of 5: Basic')).toBeInTheDocument();
    const next = screen.getByRole('list', { name: 'To reach level 2' });
    expect(
      within(next)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['Fix every critical finding', 'Set runAsNonRoot on every workload']);
  });

  it('breaks the score down by category, weakest first', async () => {
    await renderTab();
    const table = await screen.findByRole('table', { name: 'Score by category' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['Pod security', 'F', '41', '2'],
      ['Network', 'C', '75', '1'],
    ]);
    expect(within(table).getByLabelText('Pod security: grade F')).toBeInTheDocument();
    // The short columns never wrap their headers ("Grad e", "Finding s").
    const headers = within(table).getAllByRole('columnheader');
    expect(headers.map((header) => [header.textContent, header.style.whiteSpace])).toEqual([
      ['Category', ''],
      ['Grade', 'nowrap'],
      ['Score', ''],
      ['Findings', 'nowrap'],
    ]);
  });

  it('charts the recent scores oldest first', async () => {
    await renderTab();
    const chart = await screen.findByRole('img', {
      name: 'Score over the last 3 scans: 64 on 2025-02-10 09:00 UTC, 58 on 2025-03-01 11:55 UTC',
    });
    expect(chart.querySelectorAll('.recharts-line-dot')).toHaveLength(3);
    // A time axis: three evenly spaced dates from the first scan (Feb 10) to the last (Mar 1), then
    // the score axis.
    expect(
      [...chart.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((tick) => tick.textContent),
    ).toEqual(['Feb 10', 'Feb 19', 'Mar 1', '0', '25', '50', '75', '100']);
  });

  it('groups findings by severity, critical first, then by rule, with every detail and the source link', async () => {
    await renderTab();
    await screen.findByText('Findings (3)');
    const groups = screen.getAllByRole('region', { name: /findings$/ });
    expect(groups.map((group) => within(group).getByRole('heading', { level: 3 }).textContent)).toEqual([
      'Critical (1)',
      'High (1)',
      'Medium (1)',
    ]);

    const rule = within(groups[0]!).getByRole('group', {
      name: 'Privileged container (privileged-container)',
    });
    expect(within(rule).getByRole('heading', { level: 4 })).toHaveTextContent('Privileged container');
    expect(rule).toHaveTextContent(/^CriticalPrivileged containerprivileged-container/);
    const critical = within(rule).getByRole('article');
    expect(critical).toHaveTextContent(
      /^Container "api" runs privileged: it has every capability of the node's root user\./,
    );
    expect(facts(critical)).toEqual([
      ['Resource', 'Deployment payments/payments-api'],
      ['Container', 'api'],
      ['Field', 'spec.template.spec.containers[0].securityContext.privileged'],
      // A link to the line (its screen-reader suffix is part of its text).
      ['Location', 'deploy/k8s/deployment.yaml:42, Opens in a new window'],
    ]);
    expect(
      within(critical).getByRole('link', { name: 'deploy/k8s/deployment.yaml:42, Opens in a new window' }),
    ).toHaveAttribute('href', 'https://github.com/acme/payments/blob/main/deploy/k8s/deployment.yaml#L42');

    // The fix is Markdown: inline code as code, the fenced YAML as a code block, no backticks left.
    const fix = within(rule).getByRole('group', { name: 'How to fix' });
    expect(fix).toHaveTextContent(
      /^How to fixRemove privileged: true \(or set it to false\) and drop every capability:/,
    );
    expect(fix.textContent).not.toContain('`');
    expect(
      within(fix)
        .getAllByText(/^(privileged: true|false)$/, { selector: 'code' })
        .map((code) => code.textContent),
    ).toEqual(['privileged: true', 'false']);
    await waitFor(() =>
      expect(fix.querySelector('pre')?.textContent).toBe(
        'securityContext:\n  privileged: false\n  capabilities:\n    drop: ["ALL"]',
      ),
    );
    expect(
      within(fix).getByRole('link', {
        name: 'Rule documentation: privileged-container, Opens in a new window',
      }),
    ).toHaveAttribute('href', 'https://shiftdown.dev/rules/privileged-container');

    // Without a sourceUrl the location is plain text, not a link.
    const high = within(groups[1]!).getByRole('article');
    expect(within(groups[1]!).getByRole('heading', { level: 4 })).toHaveTextContent(
      'Containers must run as non-root',
    );
    expect(facts(high)).toEqual([
      ['Resource', 'Job payments/migrate'],
      ['Container', 'migrate'],
      ['Location', 'deploy/k8s/job.yaml:17'],
    ]);
    const location = within(high).getByText('deploy/k8s/job.yaml:17');
    expect(location.tagName).toBe('CODE');
    // A long path may wrap after each slash, not inside a name.
    expect(location.innerHTML).toBe('deploy/<wbr>k8s/<wbr>job.yaml:17');
    expect(within(high).queryByRole('link', { name: 'deploy/k8s/job.yaml:17' })).toBeNull();

    // Messages are Markdown (inline code), and text that looks like HTML is kept as text.
    const medium = within(groups[2]!).getByRole('article');
    expect(medium).toHaveTextContent(
      /^No NetworkPolicy in namespace "payments" selects Deployment payments-api \(podSelector: <none>\)\.Resource/,
    );
    expect(within(medium).getByText('payments-api', { selector: 'code' })).toBeInTheDocument();
    // A rule without a fix or documentation shows neither.
    expect(within(groups[2]!).queryByRole('group', { name: 'How to fix' })).toBeNull();
    expect(within(groups[2]!).queryByRole('link', { name: /Rule documentation/ })).toBeNull();
  });

  it('shows a rule with many findings once: five findings, "Show all", and one fix', async () => {
    const api = loadedApi({ ...riskyScorecard, findings: networkPolicyFindings(7) });
    await renderTab(api);

    const rule = await screen.findByRole('group', {
      name: 'No NetworkPolicy selects the workload (missing-network-policy)',
    });
    expect(within(rule).getByRole('heading', { level: 4 }).parentElement).toHaveTextContent(
      'MediumNo NetworkPolicy selects the workloadmissing-network-policy· 7 findings',
    );
    const resources = () =>
      within(rule)
        .getAllByRole('article')
        .map((article) => facts(article)[0]);
    expect(resources()).toEqual(
      [0, 1, 2, 3, 4].map((index) => ['Resource', `Deployment payments/api-${index}`]),
    );
    expect(within(rule).getAllByRole('group', { name: 'How to fix' })).toHaveLength(1);
    expect(within(rule).getAllByRole('link', { name: /^Rule documentation/ })).toHaveLength(1);

    await userEvent.click(within(rule).getByRole('button', { name: 'Show all 7 findings' }));
    expect(resources()).toEqual(
      [0, 1, 2, 3, 4, 5, 6].map((index) => ['Resource', `Deployment payments/api-${index}`]),
    );
    expect(within(rule).queryByRole('button', { name: /Show all/ })).toBeNull();
    expect(within(rule).getAllByRole('group', { name: 'How to fix' })).toHaveLength(1);
  });

  it('orders rules by how many findings they have and shows per-finding fixes when they differ', async () => {
    const [first, second] = networkPolicyFindings(2) as [ScorecardFinding, ScorecardFinding];
    const api = loadedApi({
      ...riskyScorecard,
      findings: [
        { ...networkPolicyFinding, ruleId: 'service-exposure', title: 'Service exposed', fingerprint: 'svc' },
        first,
        { ...second, remediation: 'Or select api-1 from an existing policy.' },
      ],
    });
    await renderTab(api);

    const medium = await screen.findByRole('region', { name: 'Medium findings' });
    expect(
      within(medium)
        .getAllByRole('heading', { level: 4 })
        .map((heading) => heading.textContent),
    ).toEqual(['No NetworkPolicy selects the workload', 'Service exposed']);
    const rule = within(medium).getByRole('group', {
      name: 'No NetworkPolicy selects the workload (missing-network-policy)',
    });
    expect(
      within(rule)
        .getAllByRole('article')
        .map((article) => within(article).getByRole('group', { name: 'How to fix' }).textContent),
    ).toEqual([
      'How to fixAdd a default-deny NetworkPolicy to the namespace.',
      'How to fixOr select api-1 from an existing policy.',
    ]);
    // The documentation link stays with the rule, once.
    expect(within(rule).getAllByRole('link', { name: /^Rule documentation/ })).toHaveLength(1);
  });

  it('lists suppressed findings separately with their reasons', async () => {
    await renderTab();
    const heading = await screen.findByText('Suppressed findings (1)');
    const card = heading.closest('.MuiCard-root') as HTMLElement;
    expect(within(card).getByRole('heading', { level: 4 })).toHaveTextContent('Host namespaces');
    const suppressed = within(card).getByRole('article');
    expect(suppressed).toHaveTextContent(/^DaemonSet "node-exporter" shares the host PID namespace\./);
    expect(facts(suppressed)).toEqual([
      ['Resource', 'DaemonSet monitoring/node-exporter'],
      ['Location', 'deploy/k8s/node-exporter.yaml:21'],
    ]);
    expect(suppressed).toHaveTextContent('Reason: node exporter needs hostPID (SEC-142)');
    expect(suppressed).toHaveTextContent(
      'Suppressed by annotation ignore.shiftdown.dev/host-namespaces, until 2025-06-30',
    );
    // Not counted among the findings.
    const findings = screen.getAllByRole('region', { name: /findings$/ });
    expect(findings.some((group) => group.textContent?.includes('Host namespaces'))).toBe(false);
  });

  it('shows scan errors at their file:line:column', async () => {
    await renderTab();
    expect(
      await screen.findByRole('button', { name: 'Error: 1 problem while scanning the manifests' }),
    ).toHaveAttribute('aria-expanded', 'true');
    const errors = screen.getByRole('list', { name: 'Scan errors' });
    expect(
      within(errors)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['deploy/k8s/broken.yaml:7:3 mapping values are not allowed here']);
  });

  it('warns, above the last good scorecard, that the last scan failed and why', async () => {
    await renderTab(loadedApi(staleScorecard));
    const panel = await screen.findByRole('button', {
      name: 'Warning: The last scan failed (2025-03-01 11:58 UTC): this scorecard is from the scan before it',
    });
    expect(panel).toHaveAttribute('aria-expanded', 'true');
    expect(
      screen.getByText(
        'could not read https://github.com/acme/payments/tree/main/deploy/k8s: 401 Unauthorized',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Manifests:', { exact: false })).toHaveTextContent(
      'Manifests: https://github.com/acme/payments/tree/main/deploy/k8s',
    );
    // The scorecard itself still shows, with its own scan errors.
    expect(screen.getByTestId('shiftdown-score')).toHaveTextContent('58 / 100');
    expect(
      screen.getByRole('button', { name: 'Error: 1 problem while scanning the manifests' }),
    ).toBeInTheDocument();
  });

  it('shows a clean scorecard: A+, no findings, the highest maturity level, a backend scan', async () => {
    const api = loadedApi(cleanScorecard);
    api.getHistory.mockResolvedValue({ entityRef: 'component:default/payments', items: [] });
    await renderTab(api);

    expect(await screen.findByLabelText('Grade A+')).toBeInTheDocument();
    expect(screen.getByTestId('shiftdown-score')).toHaveTextContent('100 / 100');
    expect(screen.getByText('Findings (0)')).toBeInTheDocument();
    expect(screen.getByText('No findings: every enabled check passed.')).toBeInTheDocument();
    expect(screen.getByText('Level 5 of 5: Hardened')).toBeInTheDocument();
    expect(screen.getByText('The highest level: keep it there.')).toBeInTheDocument();
    expect(screen.getByText('Scanned by the Shiftdown backend')).toBeInTheDocument();
    expect(screen.getByText('2 days ago (2025-02-27 12:00 UTC)')).toBeInTheDocument();
    expect(
      screen.getByText('Not enough history yet: the trend appears after the second scan.'),
    ).toBeInTheDocument();
    expect(screen.queryByText(/Suppressed findings/)).toBeNull();
    expect(screen.queryByText(/problems? while scanning/)).toBeNull();
    expect(screen.queryByText(/caps the grade/)).toBeNull();
    expect(screen.queryByText(/The last scan failed/)).toBeNull();
  });

  it('shows an empty state with "Scan now" when the entity has not been scanned yet', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({});
    api.getHistory.mockResolvedValue({ entityRef: 'component:default/payments', items: [] });
    await renderTab(api);

    expect(await screen.findByText('Not scanned yet')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scan now' })).toBeEnabled();
    expect(screen.queryByTestId('shiftdown-score')).toBeNull();
    expect(screen.queryByText(/The backend says/)).toBeNull();
  });

  it('says why there is no scorecard when the backend said why', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({
      missingReason:
        'no scorecard for component:default/payments: the last scan failed: invalid .shiftdown.yaml at 3:1: unknown key "profiel"',
    });
    api.getHistory.mockResolvedValue({ entityRef: 'component:default/payments', items: [] });
    await renderTab(api);

    expect(await screen.findByText('Not scanned yet')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The backend says: no scorecard for component:default/payments: the last scan failed: invalid .shiftdown.yaml at 3:1: unknown key "profiel"',
      ),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scan now' })).toBeEnabled();
  });

  it('shows progress while loading', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockReturnValue(pending());
    api.getHistory.mockReturnValue(pending());
    await renderTab(api);

    expect(await screen.findByRole('progressbar', { name: 'Loading' })).toBeInTheDocument();
    expect(screen.queryByTestId('shiftdown-score')).toBeNull();
  });

  it('shows the response error when the scorecard cannot be loaded', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockRejectedValue(
      await responseError(500, 'Internal Server Error', 'database is locked'),
    );
    api.getHistory.mockResolvedValue({ entityRef: 'component:default/payments', items: [] });
    await renderTab(api);

    expect(await screen.findByText(/Could not load the Shiftdown scorecard/)).toBeInTheDocument();
    expect(screen.getByText('database is locked')).toBeInTheDocument();
    expect(screen.queryByTestId('shiftdown-score')).toBeNull();
  });

  it('still shows the scorecard when only the history fails', async () => {
    const api = loadedApi();
    api.getHistory.mockRejectedValue(new Error('history table missing'));
    await renderTab(api);

    expect(await screen.findByTestId('shiftdown-score')).toHaveTextContent('58 / 100');
    expect(screen.getByText(/Could not load the score history/)).toBeInTheDocument();
    expect(screen.getByText('history table missing')).toBeInTheDocument();
  });

  it('shows the missing-annotation state, without calling the backend, for an entity without annotations', async () => {
    const api = fakeShiftdownApi();
    await renderTab(api, unannotatedEntity);

    expect(await screen.findByText('Missing Annotation')).toBeInTheDocument();
    expect(screen.getByText('shiftdown.dev/manifests', { selector: 'code' })).toBeInTheDocument();
    expect(api.getScorecard).not.toHaveBeenCalled();
  });

  it('accepts the Kubernetes plugin annotation as a fallback', async () => {
    const api = loadedApi();
    await renderTab(api, kubernetesEntity);
    expect(await screen.findByTestId('shiftdown-score')).toBeInTheDocument();
    expect(api.getScorecard).toHaveBeenCalledWith({ kind: 'Component', namespace: 'shop', name: 'checkout' });
  });

  it('refreshes: shows progress, then the new scorecard and history', async () => {
    const api = loadedApi();
    let finishRefresh: (scorecard: typeof cleanScorecard) => void = () => undefined;
    api.refreshScorecard.mockReturnValue(new Promise((resolve) => (finishRefresh = resolve)));
    const { alertApi } = await renderTab(api);
    expect(await screen.findByTestId('shiftdown-score')).toHaveTextContent('58 / 100');

    await userEvent.click(screen.getByRole('button', { name: 'Scan now' }));
    const busy = await screen.findByRole('button', { name: /Scanning…/ });
    expect(busy).toBeDisabled();
    expect(api.refreshScorecard).toHaveBeenCalledWith(paymentsRef);

    api.getHistory.mockResolvedValue({
      entityRef: 'component:default/payments',
      items: [
        ...paymentsHistory.items,
        { scannedAt: '2025-03-01T12:00:00Z', score: 100, grade: 'A+', source: 'pull' },
      ],
    });
    finishRefresh({ ...cleanScorecard, scannedAt: '2025-03-01T12:00:00Z' });

    await waitFor(() => expect(screen.getByTestId('shiftdown-score')).toHaveTextContent('100 / 100'));
    expect(screen.getByLabelText('Grade A+')).toBeInTheDocument();
    expect(screen.getByText('just now (2025-03-01 12:00 UTC)')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Scan now' })).toBeEnabled();
    expect(
      screen.getByRole('img', {
        name: 'Score over the last 4 scans: 64 on 2025-02-10 09:00 UTC, 100 on 2025-03-01 12:00 UTC',
      }),
    ).toBeInTheDocument();
    expect(api.getHistory).toHaveBeenCalledTimes(2);
    expect(alertApi.getAlerts()).toEqual([
      {
        message: 'Scanned component:default/payments: grade A+, score 100 (2025-03-01 12:00 UTC)',
        severity: 'success',
        display: 'transient',
      },
    ]);
  });

  it('keeps the shown scorecard and raises an alert when the refresh fails', async () => {
    const api = loadedApi();
    api.refreshScorecard.mockRejectedValue(
      await responseError(502, 'Bad Gateway', 'could not read https://github.com/acme/payments: 401'),
    );
    const { alertApi } = await renderTab(api);
    await screen.findByTestId('shiftdown-score');

    await userEvent.click(screen.getByRole('button', { name: 'Scan now' }));

    await waitFor(() => expect(alertApi.getAlerts()).toHaveLength(1));
    expect(alertApi.getAlerts()).toEqual([
      {
        message:
          'Could not scan component:default/payments: Request failed with 502 Bad Gateway: could not read https://github.com/acme/payments: 401',
        severity: 'error',
      },
    ]);
    expect(screen.getByTestId('shiftdown-score')).toHaveTextContent('58 / 100');
    expect(screen.getByRole('button', { name: 'Scan now' })).toBeEnabled();
  });

  it('scans a not-yet-scanned entity from the empty state', async () => {
    const api = fakeShiftdownApi();
    api.getScorecard.mockResolvedValue({});
    api.getHistory.mockResolvedValue({ entityRef: 'component:default/payments', items: [] });
    api.refreshScorecard.mockResolvedValue(riskyScorecard);
    await renderTab(api);

    await userEvent.click(await screen.findByRole('button', { name: 'Scan now' }));

    expect(await screen.findByTestId('shiftdown-score')).toHaveTextContent('58 / 100');
    expect(screen.queryByText('Not scanned yet')).toBeNull();
  });
});
