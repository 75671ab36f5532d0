import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createEmbeddedValidator } from '@shiftdown/kubeconform';
import { checkPaths, SHARED_DIR } from './helpers.js';

const CORPUS = join(SHARED_DIR, 'corpus');
const RH = 'real-world-templates/redhat-developer__red-hat-developer-hub-software-templates';
const BS = 'real-world-templates/backstage__software-templates/scaffolder-templates';

/** Custom resources the embedded schemas cannot know (no CRD in the corpus): info findings at the object's first line. */
const FINDINGS = [
  'templates/github/define-ansible-job/skeleton/${{values.component_id}}-job-template.yaml:3:1 schema-missing',
  'templates/github/launch-ansible-job/skeleton/${{values.component_id}}-job.yaml:3:1 schema-missing',
  'templates/github/sdlc-app/skeleton/argoapps/${{values.application_id}}-root-argoapp.yaml:2:1 schema-missing',
];

(existsSync(join(CORPUS, 'real-world-templates')) ? describe : describe.skip)(
  'real-world templates (corpus/real-world-templates)',
  () => {
    it('renders or reports every file with a location, and never crashes', async () => {
      const result = await checkPaths(['real-world-templates'], {
        cwd: CORPUS,
        today: '2025-01-01',
        schemaValidator: createEmbeddedValidator(),
      });

      expect(
        result.templates.map(
          (t) =>
            `${t.name}: ${t.steps.map((s) => `${s.id} ${s.status} ${s.files}`).join(', ') || 'no fetch step'}`,
        ),
      ).toEqual([
        'create-react-app-template: template failed 0',
        'rails-demo: no fetch step',
        'springboot-template: template rendered 1',
        'define-ansible-job-template: template rendered 1, catalogTemplate rendered 1',
        'launch-ansible-job-template: template rendered 1, catalogTemplate rendered 1',
        'obc-template: catalogTemplate rendered 1, manifestsTemplate failed 0',
        'sdlc-app-template: template-namespaces rendered 2, template-gitops failed 0',
      ]);
      // 5 of 7 templates render something: 8 files, all YAML, all scanned, all lines followed exactly.
      const files = result.templates.flatMap((t) => t.files);
      expect(result.templates.filter((t) => t.files.length > 0)).toHaveLength(5);
      expect(files).toHaveLength(8);
      expect(files.filter((f) => !f.scanned || f.approximate)).toEqual([]);

      // The corpus is a partial copy (some skeleton directories were not collected), and one skeleton uses a
      // method the scaffolder's template engine does not have: each is an error at its line.
      expect(result.errors.map((e) => `${e.file}:${e.line}:${e.column}: ${e.message}`)).toEqual([
        `${BS}/create-react-app/template.yaml:52:14: skeleton not found: ${BS}/create-react-app/skeleton does not exist`,
        `${RH}/templates/github/obc/template.yaml:76:14: skeleton not found: ${RH}/templates/github/obc/template does not exist`,
        `${RH}/templates/github/sdlc-app/skeleton/systems/\${{values.application_id}}-system.yaml:8:42: cannot render: Template value "values.environments.replaceAll" resolved to undefined and cannot be called`,
        `${RH}/templates/github/sdlc-app/template.yaml:86:14: skeleton not found: ${RH}/templates/github/sdlc-app/app-gitops does not exist`,
      ]);
      // The copyWithoutRender inputs of the two Backstage samples are flagged.
      expect(result.templates.flatMap((t) => t.warnings).map((w) => `${w.file}:${w.line}`)).toEqual([
        `${BS}/create-react-app/template.yaml:54`,
        `${BS}/springboot-grpc-template/template.yaml:62`,
      ]);

      // Every finding is in a skeleton file, within its lines.
      for (const finding of result.report.findings) {
        const lines = readFileSync(join(CORPUS, finding.file), 'utf8').split('\n').length;
        expect(finding.line).toBeGreaterThanOrEqual(1);
        expect(finding.endLine).toBeLessThanOrEqual(lines);
      }
      expect(
        result.report.findings.map(
          (f) => `${f.file.replace(`${RH}/`, '')}:${f.line}:${f.column} ${f.ruleId}`,
        ),
      ).toEqual(FINDINGS);
      expect(result.report.summary.errors).toBe(4);
      expect(result.report.summary.documents).toBe(11);
    });
  },
);
