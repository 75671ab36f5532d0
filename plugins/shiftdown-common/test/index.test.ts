import type { Entity } from '@backstage/catalog-model';
import {
  isShiftdownAvailable,
  LETTER_GRADES,
  SHIFTDOWN_PUSH_HEADERS,
  SHIFTDOWN_ROUTES,
} from '../src/index.js';

const entity = (annotations?: Record<string, string>): Entity => ({
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'Component',
  metadata: { name: 'payments', ...(annotations ? { annotations } : {}) },
});

describe('isShiftdownAvailable', () => {
  it.each([
    [{ 'shiftdown.dev/manifests': 'deploy/' }, true],
    [{ 'backstage.io/source-location': 'url:https://github.com/acme/payments/tree/main/' }, true],
    [{ 'backstage.io/kubernetes-id': 'payments' }, true],
    [{ 'backstage.io/kubernetes-label-selector': 'app=payments' }, true],
    [{ 'shiftdown.dev/manifests': '' }, false],
    [{ 'github.com/project-slug': 'acme/payments' }, false],
    [undefined, false],
  ])('%j → %s', (annotations, expected) => {
    expect(isShiftdownAvailable(entity(annotations))).toBe(expected);
  });
});

describe('SHIFTDOWN_ROUTES', () => {
  it('encodes entity reference parts', () => {
    expect(SHIFTDOWN_ROUTES.scorecard('Component', 'default', 'a b/c')).toBe(
      '/scorecards/Component/default/a%20b%2Fc',
    );
    expect(SHIFTDOWN_ROUTES.push('component', 'default', 'payments')).toBe(
      '/reports/component/default/payments',
    );
    expect(SHIFTDOWN_ROUTES.history('component', 'default', 'x')).toBe(
      '/scorecards/component/default/x/history',
    );
    expect(SHIFTDOWN_ROUTES.refresh('component', 'default', 'x')).toBe(
      '/scorecards/component/default/x/refresh',
    );
  });
});

describe('additions for the backend', () => {
  it('lists letter grades best first and names the push headers', () => {
    expect(LETTER_GRADES).toEqual(['A+', 'A', 'A-', 'B+', 'B', 'B-', 'C+', 'C', 'C-', 'D+', 'D', 'D-', 'F']);
    expect(SHIFTDOWN_PUSH_HEADERS).toEqual({
      commit: 'x-shiftdown-commit',
      repository: 'x-shiftdown-repository',
      ref: 'x-shiftdown-ref',
    });
  });
});
