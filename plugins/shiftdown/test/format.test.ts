import { ResponseError } from '@backstage/errors';
import type { ScorecardFinding } from '@shiftdown/backstage-plugin-shiftdown-common';
import {
  describeError,
  fileLocation,
  formatAbsoluteTime,
  formatRelativeTime,
  gradeColor,
  groupByRule,
  groupBySeverity,
  resourceLabel,
} from '../src/components/format.js';
import {
  formatTrendTick,
  trendPoints,
  trendTicks,
} from '../src/components/EntitySecurityContent/ScoreTrendCard.js';
import {
  networkPolicyFinding,
  networkPolicyFindings,
  privilegedFinding,
  runAsRootFinding,
} from './fixtures.js';
import { responseError } from './render.js';

const NOW = Date.parse('2025-03-01T12:00:00Z');

describe('presentation helpers', () => {
  it.each([
    ['2025-03-01T11:59:30Z', 'just now'],
    ['2025-03-01T11:59:00Z', '1 minute ago'],
    ['2025-03-01T11:15:00Z', '45 minutes ago'],
    ['2025-03-01T09:00:00Z', '3 hours ago'],
    ['2025-02-28T12:00:00Z', 'yesterday'],
    ['2025-02-20T12:00:00Z', 'last week'],
    ['2025-01-01T12:00:00Z', '2 months ago'],
    ['2023-03-01T12:00:00Z', '2 years ago'],
    ['not a date', 'at an unknown time'],
  ])('formats %s relative to now as "%s"', (iso, expected) => {
    expect(formatRelativeTime(iso, NOW)).toBe(expected);
  });

  it('formats absolute times in UTC whatever the time zone', () => {
    expect(formatAbsoluteTime('2025-03-01T13:30:59+01:00')).toBe('2025-03-01 12:30 UTC');
    expect(formatAbsoluteTime('garbage')).toBe('garbage');
  });

  it('groups findings worst first and leaves out empty severities', () => {
    const groups = groupBySeverity([networkPolicyFinding, privilegedFinding, runAsRootFinding]);
    expect(groups.map((group) => [group.severity, group.findings.map((finding) => finding.ruleId)])).toEqual([
      ['critical', ['privileged-container']],
      ['high', ['run-as-non-root']],
      ['medium', ['missing-network-policy']],
    ]);
  });

  it('labels resources and locations', () => {
    expect(resourceLabel({ kind: 'Deployment', namespace: 'shop', name: 'payments' })).toBe(
      'Deployment shop/payments',
    );
    expect(resourceLabel({ kind: 'ClusterRole', name: 'node-reader' })).toBe('ClusterRole node-reader');
    expect(resourceLabel({ kind: 'Pod' })).toBe('Pod (unnamed)');
    expect(fileLocation({ file: 'k8s/app.yaml', line: 12 })).toBe('k8s/app.yaml:12');
    expect(fileLocation({ file: 'k8s/app.yaml', line: 0 })).toBe('k8s/app.yaml');
  });

  it('colours grades by letter', () => {
    expect(['A+', 'B-', 'C', 'D+', 'F'].map(gradeColor)).toEqual([
      '#2e7d32',
      '#558b2f',
      '#b28704',
      '#d84315',
      '#b71c1c',
    ]);
  });

  it('describes errors with the backend reason', async () => {
    const json = await responseError(403, 'Forbidden', 'not allowed');
    expect(describeError(json)).toBe('Request failed with 403 Forbidden: not allowed');
    const text = await ResponseError.fromResponse(
      new Response('bad gateway', { status: 502, statusText: 'Bad Gateway' }),
    );
    expect(describeError(text)).toBe('Request failed with status 502 Bad Gateway, bad gateway');
    expect(describeError(new Error('offline'))).toBe('offline');
    expect(describeError('boom')).toBe('boom');
  });

  it('groups findings by rule, most findings first, with the fix they share', () => {
    const [api0, api1, api2] = networkPolicyFindings(3) as [
      ScorecardFinding,
      ScorecardFinding,
      ScorecardFinding,
    ];
    const groups = groupByRule([privilegedFinding, api0, api1, api2]);
    expect(
      groups.map((group) => ({
        ruleId: group.ruleId,
        title: group.title,
        helpUri: group.helpUri,
        remediation: group.remediation,
        findings: group.findings.map((finding) => finding.fingerprint),
      })),
    ).toEqual([
      {
        ruleId: 'missing-network-policy',
        title: 'No NetworkPolicy selects the workload',
        helpUri: 'https://shiftdown.dev/rules/missing-network-policy',
        remediation: 'Add a default-deny NetworkPolicy to the namespace.',
        findings: [
          'missing-network-policy-api-0',
          'missing-network-policy-api-1',
          'missing-network-policy-api-2',
        ],
      },
      {
        ruleId: 'privileged-container',
        title: 'Privileged container',
        helpUri: 'https://shiftdown.dev/rules/privileged-container',
        remediation: privilegedFinding.remediation,
        findings: ['privileged-container-42'],
      },
    ]);
    // Different fixes for one rule: none is shared, each finding keeps its own.
    const [mixed] = groupByRule([api0, { ...api1, remediation: 'Another fix.' }]);
    expect(mixed?.remediation).toBeUndefined();
    // Equal counts: by title.
    expect(groupByRule([runAsRootFinding, networkPolicyFinding]).map((group) => group.title)).toEqual([
      'Containers must run as non-root',
      'No NetworkPolicy selects the workload',
    ]);
  });

  it.each([
    ['2025-03-01T11:55:30Z', 5 * 60_000, true, '11:55:30'],
    ['2025-03-01T11:55:30Z', 3 * 3600_000, true, '11:55'],
    ['2025-03-01T11:55:30Z', 30 * 3600_000, false, 'Mar 1 11:55'],
    ['2025-03-01T11:55:30Z', 20 * 24 * 3600_000, false, 'Mar 1'],
    ['2025-03-01T11:55:30Z', 400 * 24 * 3600_000, false, 'Mar 2025'],
  ])('labels the trend axis at %s over %d ms (same day: %s) as %s', (iso, span, sameDay, label) => {
    expect(formatTrendTick(Date.parse(iso), span, sameDay)).toBe(label);
  });

  it('places up to five trend ticks from the first scan to the last, without repeating a label', () => {
    const history = (times: string[]) => ({
      entityRef: 'component:default/payments',
      items: times.map((scannedAt) => ({
        scannedAt,
        score: 80,
        grade: 'B' as const,
        source: 'pull' as const,
      })),
    });
    const ticks = (times: string[]) => trendTicks(trendPoints(history(times))).map((tick) => tick.label);
    expect(
      ticks([
        '2025-03-01T08:00:00Z',
        '2025-03-01T09:00:00Z',
        '2025-03-01T10:00:00Z',
        '2025-03-01T11:00:00Z',
        '2025-03-01T12:00:00Z',
        '2025-03-01T16:00:00Z',
      ]),
    ).toEqual(['08:00', '10:00', '12:00', '14:00', '16:00']);
    // Two scans a second apart on one day: two ticks, to the second.
    expect(ticks(['2025-03-01T11:55:01Z', '2025-03-01T11:55:02Z'])).toEqual(['11:55:01', '11:55:02']);
    // Scans at one instant: one tick.
    expect(ticks(['2025-03-01T11:55:00Z', '2025-03-01T11:55:00Z'])).toEqual(['11:55:00']);
    // Spread over days, with a scan before midnight and one after: dates with times.
    expect(ticks(['2025-02-28T22:00:00Z', '2025-03-01T02:00:00Z'])).toEqual(['Feb 28 22:00', 'Mar 1 02:00']);
    // An invalid time is left out of the trend.
    expect(
      trendPoints(history(['not a date', '2025-03-01T11:55:00Z'])).map((point) => point.scannedAt),
    ).toEqual(['2025-03-01T11:55:00Z']);
  });
});
