import type { Severity } from '@shiftdown/policy-core';
import {
  escapeData,
  escapeProperty,
  planWorkflowCommands,
  workflowCommand,
} from '../../src/annotations/index.js';
import { finding } from './helpers.js';

const NOTICE = (n: string) =>
  `::notice::${n} not annotated (GitHub caps annotations per step and per job): ` +
  'see the job summary and the SARIF report for every finding.';

describe('escaping', () => {
  it.each([
    ['100%', '100%25', '100%25'],
    ['a\r\nb', 'a%0D%0Ab', 'a%0D%0Ab'],
    ['%0A', '%250A', '%250A'],
    ['k: v, w', 'k: v, w', 'k%3A v%2C w'],
  ])('%j', (input, data, property) => {
    expect(escapeData(input)).toBe(data);
    expect(escapeProperty(input)).toBe(property);
  });
});

describe('workflowCommand', () => {
  it('writes columns on a single-line finding', () => {
    expect(workflowCommand(finding(), 'privileged: Privileged container')).toBe(
      '::error file=deploy/app.yaml,line=10,endLine=10,col=7,endColumn=22,title=privileged%3A Privileged container::Container runs privileged',
    );
  });

  it('omits columns on a multi-line finding and escapes file, title and message', () => {
    const f = finding({
      file: 'a,b:c%.yaml',
      line: 3,
      endLine: 5,
      message: 'line 1\nline 2 100%',
      severity: 'low',
    });
    expect(workflowCommand(f, 't, 1')).toBe(
      '::warning file=a%2Cb%3Ac%25.yaml,line=3,endLine=5,title=t%2C 1::line 1%0Aline 2 100%25',
    );
  });
});

describe('planWorkflowCommands', () => {
  it.each<[Severity, string]>([
    ['critical', 'error'],
    ['high', 'error'],
    ['medium', 'warning'],
    ['low', 'warning'],
    ['info', 'notice'],
  ])('maps %s to ::%s', (severity, level) => {
    expect(planWorkflowCommands([finding({ severity })]).commands[0]).toMatch(new RegExp(`^::${level} `));
  });

  it('sorts by severity then file and line, skips suppressed findings, titles from the map', () => {
    const plan = planWorkflowCommands(
      [
        finding({ severity: 'low', file: 'a.yaml', line: 1, endLine: 1, ruleId: 'r1' }),
        finding({ severity: 'critical', file: 'b.yaml', line: 9, endLine: 9, ruleId: 'r2' }),
        finding({ severity: 'critical', file: 'b.yaml', line: 2, endLine: 2, ruleId: 'r3' }),
        finding({ severity: 'critical', file: 'a.yaml', line: 5, endLine: 6, ruleId: 'r4' }),
        finding({ severity: 'critical', suppressed: { reason: 'ok', source: 'config:x#0' }, ruleId: 'r5' }),
      ],
      { ruleTitles: new Map([['r2', 'Rule two']]) },
    );
    expect(plan).toEqual({
      commands: [
        '::error file=a.yaml,line=5,endLine=6,title=r4::Container runs privileged',
        '::error file=b.yaml,line=2,endLine=2,col=7,endColumn=22,title=r3::Container runs privileged',
        '::error file=b.yaml,line=9,endLine=9,col=7,endColumn=22,title=r2%3A Rule two::Container runs privileged',
        '::warning file=a.yaml,line=1,endLine=1,col=7,endColumn=22,title=r1::Container runs privileged',
      ],
      omitted: 0,
    });
  });

  it('does not modify its input', () => {
    const input = [finding({ severity: 'low' }), finding({ severity: 'critical' })];
    planWorkflowCommands(input);
    expect(input.map((f) => f.severity)).toEqual(['low', 'critical']);
  });

  const many = (severity: Severity, count: number) =>
    Array.from({ length: count }, (_, i) => finding({ severity, line: i + 1, endLine: i + 1 }));
  const count = (commands: string[], level: string) =>
    commands.filter((c) => c.startsWith(`::${level} `)).length;

  it('annotates everything when exactly at the caps', () => {
    const plan = planWorkflowCommands([...many('high', 10), ...many('medium', 10), ...many('info', 10)]);
    expect(plan.omitted).toBe(0);
    expect(plan.commands).toHaveLength(30);
    expect(plan.commands.some((c) => c.startsWith('::notice::'))).toBe(false);
  });

  it('caps errors at 10 per level and ends with a notice naming the omitted count', () => {
    const plan = planWorkflowCommands(many('critical', 11));
    expect(plan.omitted).toBe(1);
    expect(plan.commands).toHaveLength(11);
    expect(count(plan.commands, 'error')).toBe(10);
    expect(plan.commands[10]).toBe(NOTICE('1 more finding was'));
    // the worst first: the annotated ones are lines 1..10
    expect(plan.commands[9]).toContain('line=10,');
  });

  it('keeps room for the notice among notices', () => {
    const plan = planWorkflowCommands(many('info', 12));
    expect(plan.omitted).toBe(3);
    expect(plan.commands).toHaveLength(10);
    expect(count(plan.commands, 'notice')).toBe(9);
    expect(plan.commands.at(-1)).toBe(NOTICE('3 more findings were'));
  });

  it('respects the per-job cap, keeping room for the notice', () => {
    const input = [...many('high', 5), ...many('medium', 5), ...many('info', 5)];
    const plan = planWorkflowCommands(input, { perLevelLimit: 10, perJobLimit: 8 });
    expect(plan.omitted).toBe(8);
    expect(plan.commands).toHaveLength(8);
    expect(count(plan.commands, 'error')).toBe(5);
    expect(count(plan.commands, 'warning')).toBe(2);
    expect(plan.commands.at(-1)).toBe(NOTICE('8 more findings were'));
  });

  it('annotates 50 at the job cap with per-level caps raised, and 49 + notice above it', () => {
    const atCap = planWorkflowCommands(many('high', 50), { perLevelLimit: 100 });
    expect(atCap).toMatchObject({ omitted: 0 });
    expect(atCap.commands).toHaveLength(50);
    const over = planWorkflowCommands(many('high', 51), { perLevelLimit: 100 });
    expect(over.omitted).toBe(2);
    expect(over.commands).toHaveLength(50);
    expect(over.commands.at(-1)).toBe(NOTICE('2 more findings were'));
  });

  it('emits nothing, not even the notice, when there is no room at all', () => {
    expect(planWorkflowCommands(many('high', 2), { perJobLimit: 0 })).toEqual({ commands: [], omitted: 2 });
  });

  it('plans nothing for no findings', () => {
    expect(planWorkflowCommands([])).toEqual({ commands: [], omitted: 0 });
  });
});
