// Real webhook payloads from @octokit/webhooks-examples (its definitions passed in, read by the caller),
// with only the fields a run needs patched: shared by the e2e suite (webhooks.ts) and the Action's
// benchmark (packages/github-action/bench/action.mjs). Typed by webhook-events.d.mts.
/* global structuredClone */

/** The repository of every example payload (GITHUB_REPOSITORY). */
export const REPOSITORY = 'Codertocat/Hello-World';
/** The pull request number of the example payloads. */
export const PR_NUMBER = 2;

function examples(definitions, name) {
  const definition = definitions.find((d) => d.name === name);
  if (!definition) throw new Error(`@octokit/webhooks-examples has no ${name} examples`);
  return definition.examples;
}

/** A pull_request event on the given head and base commits; `fork`: the head branch lives in a fork. */
export function pullRequestEvent(definitions, { action, headSha, baseSha, fork = false }) {
  const example = examples(definitions, 'pull_request').find((e) => e.action === action);
  if (!example) throw new Error(`no pull_request.${action} example`);
  const event = structuredClone(example);
  const pr = event.pull_request;
  if (pr.number !== PR_NUMBER || event.repository.full_name !== REPOSITORY) {
    throw new Error('the pull_request example changed: update PR_NUMBER/REPOSITORY');
  }
  pr.head.sha = headSha;
  pr.base.sha = baseSha;
  if ('before' in event && 'after' in event) {
    // synchronize: the push that updated the head branch.
    event.before = baseSha;
    event.after = headSha;
  }
  if (fork) {
    const repo = pr.head.repo;
    repo.fork = true;
    repo.owner = { ...repo.owner, login: 'forker', id: repo.owner.id + 1 };
    repo.full_name = `forker/${repo.name}`;
    repo.id += 1;
    pr.head.label = `forker:${pr.head.ref}`;
    pr.head.user = repo.owner;
  }
  return event;
}

/** A push of `after` to refs/heads/main. */
export function pushEvent(definitions, before, after) {
  const example = examples(definitions, 'push').find((e) => e.ref.startsWith('refs/heads/') && e.head_commit);
  if (!example) throw new Error('no branch push example');
  const event = structuredClone(example);
  event.ref = 'refs/heads/main';
  event.before = before;
  event.after = after;
  event.head_commit.id = after;
  event.commits = event.commits.map((c) => ({ ...c, id: after }));
  return event;
}
