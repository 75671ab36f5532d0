import { startTestBackend } from '@backstage/backend-test-utils';
import { scaffolderActionsExtensionPoint } from '@backstage/plugin-scaffolder-node';
import type { TemplateAction } from '@backstage/plugin-scaffolder-node';
import shiftdownModule from '../src/index.js';

describe('scaffolder module shiftdown', () => {
  it('registers shiftdown:check, with dry-run support, through the scaffolder actions extension point', async () => {
    const added: TemplateAction[] = [];
    const backend = await startTestBackend({
      extensionPoints: [
        [
          scaffolderActionsExtensionPoint,
          { addActions: (...actions: TemplateAction[]) => added.push(...actions) },
        ],
      ],
      features: [shiftdownModule],
    });
    try {
      expect(added.map((a) => [a.id, a.supportsDryRun])).toEqual([['shiftdown:check', true]]);
      const input = added[0]!.schema?.input as {
        properties: Record<string, unknown>;
        additionalProperties: boolean;
      };
      expect(Object.keys(input.properties)).toEqual([
        'path',
        'profile',
        'failOn',
        'minScore',
        'minGrade',
        'schemaValidation',
        'pssVersion',
        'kubernetesVersion',
        'reportPath',
      ]);
      // A misspelt input (`failon`) is rejected by the scaffolder instead of silently ignored.
      expect(input.additionalProperties).toBe(false);
      expect(Object.keys((added[0]!.schema?.output as { properties: object }).properties)).toEqual([
        'score',
        'grade',
        'findings',
        'reportPath',
      ]);
    } finally {
      await backend.stop();
    }
  });
});
