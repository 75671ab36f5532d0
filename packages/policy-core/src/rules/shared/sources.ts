import type { RuleSource } from '../../types.js';

/** Peer-tool references cited by rules of several groups: one definition, so the generated docs agree. */
export const KUBE_LINTER_CHECKS: RuleSource = {
  title: 'KubeLinter built-in checks',
  url: 'https://docs.kubelinter.io/#/generated/checks',
};

export const KUBE_SCORE_CHECKS: RuleSource = {
  title: 'kube-score checks',
  url: 'https://github.com/zegl/kube-score/blob/master/README_CHECKS.md',
};

export const POLARIS_RELIABILITY: RuleSource = {
  title: 'Polaris reliability checks',
  url: 'https://polaris.docs.fairwinds.com/checks/reliability/',
};
