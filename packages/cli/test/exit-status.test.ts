import type { Finding, Report, Severity } from '@shiftdown/policy-core';
import { verdict } from '../src/exit-status.js';

function finding(severity: Severity, suppressed = false): Finding {
  return {
    ruleId: 'some-rule',
    severity,
    category: 'isolation',
    message: 'm',
    file: 'a.yaml',
    line: 1,
    column: 1,
    endLine: 1,
    endColumn: 2,
    resource: { kind: 'Pod', name: 'p' },
    fingerprint: 'f',
    ...(suppressed && { suppressed: { reason: 'accepted', source: 'annotation:x' } }),
  };
}

function report(findings: Finding[], score = 100): Pick<Report, 'findings' | 'summary'> {
  return { findings, summary: { score } as Report['summary'] };
}

describe('verdict', () => {
  test('passes when nothing unsuppressed is at or above the threshold', () => {
    expect(verdict(report([finding('medium'), finding('critical', true)]), { failOn: 'high', unreadable: 0 })).toEqual({ code: 0, reasons: [] });
  });

  test('fails at or above the threshold', () => {
    expect(verdict(report([finding('high')]), { failOn: 'high', unreadable: 0 })).toEqual({
      code: 1,
      reasons: ['1 finding at or above high'],
    });
    expect(verdict(report([finding('critical'), finding('info')]), { failOn: 'info', unreadable: 0 }).reasons).toEqual([
      '2 findings at or above info',
    ]);
  });

  test('fail-on none never fails on findings', () => {
    expect(verdict(report([finding('critical')]), { failOn: 'none', unreadable: 0 }).code).toBe(0);
  });

  test('a score below the minimum fails; equal passes', () => {
    expect(verdict(report([], 79), { failOn: 'none', minScore: 80, unreadable: 0 })).toEqual({
      code: 1,
      reasons: ['score 79 is below the minimum 80'],
    });
    expect(verdict(report([], 80), { failOn: 'none', minScore: 80, unreadable: 0 }).code).toBe(0);
  });

  test('an unreadable input fails the run even with fail-on none', () => {
    expect(verdict(report([]), { failOn: 'none', unreadable: 2 })).toEqual({ code: 1, reasons: ['2 inputs could not be read'] });
  });
});
