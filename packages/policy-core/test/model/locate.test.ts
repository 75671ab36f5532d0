import { parseFile } from '../../src/parse/parse-file.js';
import { buildResources } from '../../src/model/resource.js';
import { BUILTIN_WORKLOAD_KINDS } from '../../src/model/workload.js';
import { formatPath } from '../../src/model/locate.js';

const deployment = [
  'apiVersion: apps/v1', // 1
  'kind: Deployment', // 2
  'metadata:', // 3
  '  name: web', // 4
  'spec:', // 5
  '  template:', // 6
  '    spec:', // 7
  '      securityContext: {runAsNonRoot: true}', // 8
  '      containers:', // 9
  '      - name: app', // 10
  '        image: nginx:1.27', // 11
  '        securityContext:', // 12
  '          capabilities:', // 13
  '            add: ["NET_ADMIN", "SYS_TIME"]', // 14
  '      - image: sidecar:1', // 15
  '        name: side', // 16
  '',
].join('\n');

function resource() {
  const parsed = parseFile({ path: 'd.yaml', text: deployment });
  let id = 0;
  return buildResources(parsed, BUILTIN_WORKLOAD_KINDS, () => id++).resources[0]!;
}

describe('Locator', () => {
  it('gives key-through-value ranges for scalars', () => {
    expect(resource().locate(['spec', 'template', 'spec', 'containers', 0, 'image'])).toEqual({
      line: 11,
      column: 9,
      endLine: 11,
      endColumn: 26,
      exact: true,
    });
  });

  it('locates items inside flow sequences', () => {
    const r = resource().locate(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'capabilities', 'add', 1]);
    expect(r).toEqual({ line: 14, column: 32, endLine: 14, endColumn: 42, exact: true });
  });

  it('gives the key line only for block collections', () => {
    expect(resource().locate(['spec', 'template', 'spec', 'containers', 0, 'securityContext'])).toEqual({
      line: 12,
      column: 9,
      endLine: 12,
      endColumn: 24,
      exact: true,
    });
  });

  it("falls back to the container's name when a container key is missing", () => {
    const missing = resource().locate(['spec', 'template', 'spec', 'containers', 1, 'securityContext', 'runAsNonRoot']);
    expect(missing).toEqual({ line: 16, column: 9, endLine: 16, endColumn: 19, exact: false });
  });

  it('falls back to the nearest existing parent key', () => {
    const missing = resource().locate(['spec', 'template', 'spec', 'containers', 0, 'securityContext', 'seccompProfile', 'type']);
    expect(missing).toMatchObject({ line: 12, column: 9, exact: false });
    expect(resource().locate(['spec', 'template', 'spec', 'hostUsers'])).toMatchObject({ line: 7, column: 5, exact: false });
  });

  it('formats field paths', () => {
    expect(formatPath(['spec', 'containers', 0, 'securityContext'])).toBe('spec.containers[0].securityContext');
    expect(formatPath(['metadata', 'annotations', 'ignore.shiftdown.dev/x'])).toBe('metadata.annotations["ignore.shiftdown.dev/x"]');
  });
});
