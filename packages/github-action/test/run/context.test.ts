import { readFileSync } from 'node:fs';
import { readRunContext } from '../../src/run/index.js';

interface Example {
  name: string;
  examples: Record<string, unknown>[];
}
const examples = JSON.parse(
  readFileSync(require.resolve('@octokit/webhooks-examples/api.github.com/index.json'), 'utf8'),
) as Example[];
const of = (name: string) => examples.find((e) => e.name === name)!.examples;

const ENV = {
  GITHUB_REPOSITORY: 'Codertocat/Hello-World',
  GITHUB_SHA: 'merge0000000000000000000000000000000000',
  GITHUB_WORKSPACE: '/home/runner/work/Hello-World/Hello-World',
  GITHUB_RUN_ID: '42',
  GITHUB_EVENT_PATH: '/home/runner/work/_temp/_github_workflow/event.json',
};

const reader = (payload: unknown) => async (path: string) => {
  expect(path).toBe(ENV.GITHUB_EVENT_PATH);
  return JSON.stringify(payload);
};

describe('readRunContext', () => {
  const opened = of('pull_request').find((e) => e.action === 'opened')!;

  it.each(['pull_request', 'pull_request_target'])('reads a real %s payload', async (eventName) => {
    expect(await readRunContext({ ...ENV, GITHUB_EVENT_NAME: eventName }, reader(opened))).toEqual({
      eventName,
      owner: 'Codertocat',
      repo: 'Hello-World',
      sha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
      workspace: '/home/runner/work/Hello-World/Hello-World',
      serverUrl: 'https://github.com',
      apiUrl: 'https://api.github.com',
      runId: '42',
      pullRequest: {
        number: 2,
        headSha: 'ec26c3e57ca3a959ca5aad62de7213c562f8c821',
        baseSha: 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e',
        baseRef: 'master',
        fromFork: false,
      },
    });
  });

  it('reads every pull_request example of @octokit/webhooks-examples', async () => {
    const all = of('pull_request');
    expect(all).toHaveLength(29);
    for (const payload of all) {
      const context = await readRunContext({ ...ENV, GITHUB_EVENT_NAME: 'pull_request' }, reader(payload));
      expect(context.pullRequest?.number).toBe(2);
    }
  });

  it.each([
    ['another full name', { full_name: 'Forker/Hello-World' }],
    ['a deleted head repository', null],
  ])('marks a fork PR (%s)', async (_label, headRepo) => {
    const pr = opened.pull_request as { head: Record<string, unknown> };
    const payload = { ...opened, pull_request: { ...pr, head: { ...pr.head, repo: headRepo } } };
    const context = await readRunContext({ ...ENV, GITHUB_EVENT_NAME: 'pull_request' }, reader(payload));
    expect(context.pullRequest?.fromFork).toBe(true);
  });

  it('reads a push without opening the payload, with GHES URLs', async () => {
    const context = await readRunContext(
      {
        ...ENV,
        GITHUB_EVENT_NAME: 'push',
        GITHUB_SHA: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
        GITHUB_SERVER_URL: 'https://ghe.example.com/',
        GITHUB_API_URL: 'https://ghe.example.com/api/v3',
      },
      async () => {
        throw new Error('must not read');
      },
    );
    expect(context).toEqual({
      eventName: 'push',
      owner: 'Codertocat',
      repo: 'Hello-World',
      sha: '6113728f27ae82c7b1a177c8d03f9e96e0adf246',
      workspace: '/home/runner/work/Hello-World/Hello-World',
      serverUrl: 'https://ghe.example.com',
      apiUrl: 'https://ghe.example.com/api/v3',
      runId: '42',
    });
    expect(of('push').length).toBeGreaterThan(0);
  });

  it.each([
    [
      { GITHUB_EVENT_NAME: 'push', GITHUB_WORKSPACE: '' },
      'GITHUB_WORKSPACE is not set: run Shiftdown as a step of a GitHub Actions job',
    ],
    [
      { GITHUB_EVENT_NAME: 'push', GITHUB_REPOSITORY: 'solo' },
      'GITHUB_REPOSITORY must be "owner/repo", got "solo"',
    ],
    [
      { GITHUB_EVENT_NAME: 'pull_request' },
      'the pull_request event payload /home/runner/work/_temp/_github_workflow/event.json has no pull_request number, head/base sha and base ref',
    ],
  ])('rejects a bad environment %#', async (env, message) => {
    await expect(readRunContext({ ...ENV, ...env }, reader({ action: 'opened' }))).rejects.toThrow(message);
  });

  it('says which payload it could not parse', async () => {
    await expect(
      readRunContext({ ...ENV, GITHUB_EVENT_NAME: 'pull_request' }, async () => '{not json'),
    ).rejects.toThrow(
      /^cannot read the pull_request event payload \/home\/runner\/work\/_temp\/_github_workflow\/event\.json: /,
    );
  });
});
