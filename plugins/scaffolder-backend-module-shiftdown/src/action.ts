import { InputError } from '@backstage/errors';
import { createTemplateAction } from '@backstage/plugin-scaffolder-node';
import { runCheck } from './check.js';
import {
  DEFAULT_FAIL_ON,
  DEFAULT_PATH,
  DEFAULT_REPORT_PATH,
  FAIL_ON_VALUES,
  MINIMUM_GRADE_VALUES,
  PROFILE_NAMES,
  SCHEMA_VALIDATION_VALUES,
} from './inputs.js';

export const ACTION_ID = 'shiftdown:check';

const EXAMPLE = `steps:
  - id: fetch
    name: Render the service
    action: fetch:template
    input:
      url: ./skeleton
      values:
        name: \${{ parameters.name }}
  - id: policy
    name: Check Kubernetes policy
    action: shiftdown:check
    input:
      path: k8s
      failOn: high
      minGrade: B
output:
  text:
    - title: Kubernetes policy
      content: "Score \${{ steps.policy.output.score }}/100 (grade \${{ steps.policy.output.grade }}), \${{ steps.policy.output.findings }} findings; report: \${{ steps.policy.output.reportPath }}"`;

/**
 * `shiftdown:check`: scan the manifests the template rendered into the workspace with the Shiftdown
 * policy core, log every finding and fail the run with an actionable InputError when the gate fails.
 *
 * The outputs are set before a failing step throws (a runner that keeps them, and tests, see the score
 * of the failing run); Backstage itself drops a failed step's outputs, so the error message repeats
 * the score and grade.
 */
export function createShiftdownCheckAction() {
  return createTemplateAction({
    id: ACTION_ID,
    description:
      'Scans the Kubernetes manifests in the workspace with Shiftdown (Pod Security Standards, hardening, RBAC, network policy, schema validation) and fails the run when they do not pass the policy gate.',
    examples: [{ description: 'Render a service, then gate it on Shiftdown policy', example: EXAMPLE }],
    supportsDryRun: true,
    schema: {
      input: {
        path: (z) =>
          z
            .string()
            .optional()
            .describe(
              `File or directory to scan, relative to the workspace (default "${DEFAULT_PATH}"); it must stay inside the workspace.`,
            ),
        profile: (z) =>
          z
            .enum(PROFILE_NAMES)
            .optional()
            .describe('Rule set (default: the config\'s profile, else "recommended").'),
        failOn: (z) =>
          z
            .enum(FAIL_ON_VALUES)
            .optional()
            .describe(
              `Fail when an unsuppressed finding is at or above this severity; "none" never fails on findings (default: the config's failOn, else "${DEFAULT_FAIL_ON}").`,
            ),
        minScore: (z) =>
          z
            .number()
            .min(0)
            .max(100)
            .optional()
            .describe(
              "Fail when the score (0-100) is below this (default: the config's minScore, else none).",
            ),
        minGrade: (z) =>
          z
            .enum(MINIMUM_GRADE_VALUES)
            .optional()
            .describe(
              'Fail when the grade is worse than this; a bare letter accepts its + and - grades ("B" accepts B+, B, B-), "E" all but F.',
            ),
        schemaValidation: (z) =>
          z
            .enum(SCHEMA_VALIDATION_VALUES)
            .optional()
            .describe(
              'Validate manifests against the embedded Kubernetes schemas and the CRDs in the scan, or "off" (default "embedded" unless the config turns it off).',
            ),
        pssVersion: (z) =>
          z
            .string()
            .optional()
            .describe(
              'Pod Security Standards version: "latest" or "v1.N" (default: the config\'s, else latest).',
            ),
        kubernetesVersion: (z) =>
          z
            .string()
            .optional()
            .describe('Target Kubernetes version "1.N", for removed APIs and version-dependent rules.'),
        reportPath: (z) =>
          z
            .string()
            .optional()
            .describe(
              `Where the JSON report is written, relative to the workspace (default "${DEFAULT_REPORT_PATH}"); it is published with the rest of the workspace unless a later step removes it.`,
            ),
      },
      output: {
        score: (z) => z.number().describe('Score 0-100'),
        grade: (z) => z.string().describe('Letter grade, A+ to F'),
        findings: (z) => z.number().describe('Unsuppressed findings'),
        reportPath: (z) => z.string().describe('The JSON report, relative to the workspace'),
      },
    },
    async handler(ctx) {
      const result = await runCheck({
        workspacePath: ctx.workspacePath,
        input: ctx.input,
        logger: ctx.logger,
      });
      ctx.output('score', result.outputs.score);
      ctx.output('grade', result.outputs.grade);
      ctx.output('findings', result.outputs.findings);
      ctx.output('reportPath', result.outputs.reportPath);
      if (result.failure !== undefined) throw new InputError(result.failure);
    },
  });
}
