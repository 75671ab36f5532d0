import { Command, Option } from 'commander';
import { PROFILES } from '@shiftdown/policy-core';
import { shouldUseColor } from './color.js';
import type { CliIO } from './io.js';
import { CLI_VERSION } from './version.js';
import type { ScanDeps, ScanFlags } from './commands/scan.js';
import { runScan } from './commands/scan.js';
import type { RulesFlags } from './commands/rules.js';
import { runRules } from './commands/rules.js';
import { runExplain } from './commands/explain.js';
import { SCHEMA_CHOICES, addCrdsOption } from './commands/schema-validation.js';
import { addReportOptions, collect } from './commands/report-options.js';
import { registerTemplateCommands } from './commands/template-check.js';

/**
 * The `shiftdown` command tree. Commander never exits the process: errors become CommanderErrors
 * (see `main`), help and errors go to the injected streams. Each command reports its exit code
 * through `setExitCode`.
 */
export function buildProgram(io: CliIO, deps: ScanDeps, setExitCode: (code: number) => void): Command {
  const hasColors = (stream: { isTTY?: boolean }) => (): boolean =>
    shouldUseColor({ isTTY: stream.isTTY, env: io.env });
  const width = (stream: object) => (): number =>
    'columns' in stream && typeof stream.columns === 'number' ? stream.columns : 80;
  const program = new Command('shiftdown')
    .description(
      'Kubernetes manifest security linter: Pod Security Standards and hardening checks, located to the line.',
    )
    .exitOverride()
    .configureOutput({
      writeOut: (text) => void io.stdout.write(text),
      writeErr: (text) => void io.stderr.write(text),
      outputError: (text, write) => write(`shiftdown: ${text}`),
      getOutHelpWidth: width(io.stdout),
      getErrHelpWidth: width(io.stderr),
      getOutHasColors: hasColors(io.stdout),
      getErrHasColors: hasColors(io.stderr),
    })
    .showHelpAfterError('(run "shiftdown --help" for usage)')
    .version(CLI_VERSION, '-V, --version', 'print the version')
    .helpCommand(true);

  const scanCommand = program
    .command('scan')
    .description('scan Kubernetes manifests (files, directories walked recursively, or - for stdin)')
    .argument('[paths...]', 'files and directories to scan; - reads stdin', []);
  addReportOptions(scanCommand)
    .option('--stdin-filename <name>', 'name of the stdin input in the report (default: <stdin>)')
    .addOption(
      new Option(
        '--schema <validator>',
        'schema validation: auto (kubeconform if found, else embedded), embedded, kubeconform or off',
      ).choices(SCHEMA_CHOICES),
    )
    .option('--kubeconform <path>', 'the kubeconform binary (default: config, KUBECONFORM_PATH, then PATH)')
    .option(
      '--schema-location <location>',
      'kubeconform -schema-location (repeatable)',
      collect,
      [] as string[],
    );
  addCrdsOption(scanCommand).action(async (paths: string[], flags: ScanFlags) => {
    setExitCode(await runScan(paths, flags, io, deps));
  });

  program
    .command('rules')
    .description('list the rules (id, severity, category, Pod Security Standards mapping, title)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .addOption(new Option('-p, --profile <profile>', 'only the rules this profile enables').choices(PROFILES))
    .action((flags: RulesFlags) => {
      setExitCode(runRules(flags, io));
    });

  program
    .command('explain')
    .description("print a rule's documentation")
    .argument('<rule-id>', 'the rule, e.g. privileged-container')
    .action((ruleId: string) => {
      setExitCode(runExplain(ruleId, io));
    });

  registerTemplateCommands(program, io, deps, setExitCode);

  return program;
}
