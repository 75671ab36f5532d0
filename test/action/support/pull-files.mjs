// A pull request's files as GitHub's `pulls.listFiles` returns them, from the text of
// `git diff --full-index base head` (`-M` for renames): shared by the e2e suite (git-repo.ts) and the
// Action's benchmark (packages/github-action/bench/action.mjs). Typed by pull-files.d.mts.

/**
 * `pulls.listFiles` items: status, counts and the `patch` (the hunks, from the first `@@` on, as GitHub
 * sends them).
 */
export function pullFiles(diff, { base, head, owner = 'Codertocat', repo = 'Hello-World' }) {
  const sections = diff.split(/^(?=diff --git )/m).filter((section) => section.startsWith('diff --git '));
  return sections.map((section) => {
    const lines = section.replace(/\n$/, '').split('\n');
    const hunkStart = lines.findIndex((line) => line.startsWith('@@ '));
    const meta = hunkStart < 0 ? lines : lines.slice(0, hunkStart);
    const patchLines = hunkStart < 0 ? [] : lines.slice(hunkStart);
    const value = (prefix) => meta.find((line) => line.startsWith(prefix))?.slice(prefix.length);
    const renamedFrom = value('rename from ');
    const filename =
      value('rename to ') ?? value('+++ b/') ?? value('--- a/') ?? / b\/(.+)$/.exec(lines[0])?.[1];
    const status =
      value('new file mode ') !== undefined
        ? 'added'
        : value('deleted file mode ') !== undefined
          ? 'removed'
          : renamedFrom !== undefined
            ? 'renamed'
            : 'modified';
    const additions = patchLines.filter((line) => line.startsWith('+')).length;
    const deletions = patchLines.filter((line) => line.startsWith('-')).length;
    const blob = /^index [0-9a-f]+\.\.([0-9a-f]+)/m.exec(section)?.[1] ?? '0'.repeat(40);
    const sha = /^0+$/.test(blob) ? '0'.repeat(40) : blob;
    const ref = status === 'removed' ? base : head;
    const file = {
      sha,
      filename,
      status,
      additions,
      deletions,
      changes: additions + deletions,
      blob_url: `https://github.com/${owner}/${repo}/blob/${ref}/${filename}`,
      raw_url: `https://github.com/${owner}/${repo}/raw/${ref}/${filename}`,
      contents_url: `https://api.github.com/repos/${owner}/${repo}/contents/${filename}?ref=${ref}`,
    };
    if (patchLines.length > 0) file.patch = patchLines.join('\n');
    if (renamedFrom !== undefined) file.previous_filename = renamedFrom;
    return file;
  });
}
