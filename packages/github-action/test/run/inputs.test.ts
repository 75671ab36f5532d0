import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { MINIMUM_GRADES, PROFILES, SEVERITIES } from '@shiftdown/policy-core';
import { parse } from 'yaml';
import { FILTER_MODES } from '../../src/diff/index.js';
import { REPORTER_NAMES, parseInputs } from '../../src/run/index.js';

const from =
  (values: Record<string, string>) =>
  (name: string): string =>
    values[name] ?? '';

describe('parseInputs', () => {
  it('applies the defaults when nothing is set', () => {
    expect(parseInputs(from({}))).toEqual({
      paths: ['**/*.yaml', '**/*.yml', '**/*.json'],
      filterMode: 'added',
      failOn: 'high',
      softFail: false,
      sarifFile: 'shiftdown.sarif',
      reportFile: 'shiftdown-report.json',
    });
  });

  it('reads every input', () => {
    expect(
      parseInputs(
        from({
          paths: ' k8s/**/*.yaml\n\n charts/{a,b}/*.yml \n',
          'filter-mode': 'diff_context',
          reporters: 'check, review\nsummary,check',
          'fail-on': 'none',
          'min-score': '80.5',
          'min-grade': 'B',
          'soft-fail': 'TRUE',
          baseline: 'base.json',
          config: 'ci/shiftdown.yaml',
          profile: 'strict',
          'kubernetes-version': '1.33',
          'kubeconform-version': 'v0.7.0',
          'sarif-file': 'out/s.sarif',
          'report-file': 'out/r.json',
          'github-token': 'ghs_x',
        }),
      ),
    ).toEqual({
      paths: ['k8s/**/*.yaml', 'charts/{a,b}/*.yml'],
      filterMode: 'diff_context',
      reporters: ['check', 'review', 'summary'],
      failOn: 'none',
      minScore: 80.5,
      minGrade: 'B',
      softFail: true,
      baseline: 'base.json',
      config: 'ci/shiftdown.yaml',
      profile: 'strict',
      kubernetesVersion: '1.33',
      kubeconformVersion: 'v0.7.0',
      sarifFile: 'out/s.sarif',
      reportFile: 'out/r.json',
      token: 'ghs_x',
    });
  });

  it.each([
    [
      'filter-mode',
      'lines',
      'invalid input filter-mode: "lines" (allowed: added, diff_context, file, nofilter)',
    ],
    [
      'reporters',
      'check,pr-review',
      'invalid input reporters: "pr-review" (allowed: check, review, comment, annotations, summary, sarif)',
    ],
    ['fail-on', 'error', 'invalid input fail-on: "error" (allowed: critical, high, medium, low, info, none)'],
    ['min-score', '101', 'invalid input min-score: "101" (allowed: a number from 0 to 100)'],
    ['min-score', '-1', 'invalid input min-score: "-1" (allowed: a number from 0 to 100)'],
    ['min-score', 'high', 'invalid input min-score: "high" (allowed: a number from 0 to 100)'],
    [
      'min-grade',
      'G',
      'invalid input min-grade: "G" (allowed: A+, A, A-, B+, B, B-, C+, C, C-, D+, D, D-, E, F)',
    ],
    ['soft-fail', 'yes', 'invalid input soft-fail: "yes" (allowed: true, false)'],
    [
      'profile',
      'pss',
      'invalid input profile: "pss" (allowed: pss-baseline, pss-restricted, recommended, strict)',
    ],
    ['kubernetes-version', 'v1', 'invalid input kubernetes-version: "v1" (allowed: 1.N, e.g. 1.33)'],
    [
      'kubeconform-version',
      'latest',
      'invalid input kubeconform-version: "latest" (allowed: a release version, e.g. v0.7.0)',
    ],
  ])('rejects %s=%s', (name, value, message) => {
    expect(() => parseInputs(from({ [name]: value }))).toThrow(message);
  });

  it.each([
    ['false', false],
    ['False', false],
    ['true', true],
    ['True', true],
  ])('reads soft-fail %s', (value, expected) => {
    expect(parseInputs(from({ 'soft-fail': value })).softFail).toBe(expected);
  });
});

describe('action.yml', () => {
  const action = parse(readFileSync(join(__dirname, '..', '..', '..', '..', 'action.yml'), 'utf8')) as {
    inputs: Record<string, { description: string; default?: string }>;
  };

  it('declares exactly the inputs parseInputs reads', () => {
    const read = new Set<string>();
    parseInputs((name) => {
      read.add(name);
      return '';
    });
    expect(Object.keys(action.inputs).sort()).toEqual([...read].sort());
  });

  it('gives the inputs the defaults parseInputs applies when they are unset', () => {
    // The runner substitutes github-token's default expression; everything else must agree literally.
    const defaults = Object.fromEntries(
      Object.entries(action.inputs)
        .filter(([name]) => name !== 'github-token')
        .map(([name, input]) => [name, input.default ?? '']),
    );
    expect(parseInputs(from(defaults))).toEqual(parseInputs(from({})));
  });

  it.each([
    ['filter-mode', FILTER_MODES],
    ['reporters', REPORTER_NAMES],
    ['fail-on', [...SEVERITIES, 'none']],
    ['min-grade', MINIMUM_GRADES],
    ['profile', PROFILES],
  ])('describes every allowed value of %s', (name, allowed) => {
    for (const value of allowed) expect(action.inputs[name]!.description).toContain(value);
  });
});
