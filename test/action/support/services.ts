/**
 * The repository most scenarios start from: an existing Deployment that the pull request makes privileged
 * (lines 18-19 of the new file), an unchanged Job with findings of its own, an unchanged clean Deployment
 * and a workflow file (YAML that is not a Kubernetes object).
 */
import { example } from './git-repo.js';

export const CATALOG = 'services/catalog/deployment.yaml';
export const GPU = 'services/gpu/job.yaml';
export const PAYMENTS = 'services/payments/deployment.yaml';

const catalog = example('catalog-typical/deployment.yaml');

export const BASE = {
  [CATALOG]: catalog,
  [GPU]: example('gpu-training-job/job.yaml'),
  [PAYMENTS]: example('payments-hardened/deployment.yaml'),
  '.github/workflows/ci.yml':
    'on: [pull_request]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps: []\n',
};

export const PRIVILEGED_CHANGES = {
  [CATALOG]: catalog.replace(
    '          ports:\n',
    '          securityContext:\n            privileged: true\n          ports:\n',
  ),
};

/** The API paths of the example payloads' repository and pull request. */
export const API = '/repos/Codertocat/Hello-World';
export const LIST_FILES = `GET ${API}/pulls/2/files?per_page=100&page=1`;
export const PR_REQUESTS = [
  LIST_FILES,
  `POST ${API}/check-runs`,
  `GET ${API}/pulls/2/comments?per_page=100&page=1`,
  `POST ${API}/pulls/2/reviews`,
  `GET ${API}/issues/2/comments?per_page=100&page=1`,
  `POST ${API}/issues/2/comments`,
];
