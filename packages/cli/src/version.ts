/** The CLI's version (kept equal to packages/cli/package.json "version"; a unit test checks it). */
export const CLI_VERSION = '0.1.0';
