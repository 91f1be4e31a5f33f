import { Command, CommanderError } from 'commander';
import { AdminApiClient } from './admin-api-client';
import { CliError, ExitCode } from './cli-error';
import { writeLine, type CliIo } from './cli-io';
import type { CommandContext } from './commands/command-context';
import { addMappingOptionsCommand } from './commands/mapping-options';
import { addTenantCommand } from './commands/tenant-command';

export const defaultApiUrl = 'http://127.0.0.1:8080';

interface GlobalOptions {
  apiUrl?: string;
  token?: string;
}

/**
 * Runs one `koppeling` invocation. `argv` holds the user's arguments only (no node, no script path).
 * Resolves to the process exit code; see {@link ExitCode}.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = buildProgram(io);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return ExitCode.ok;
  } catch (err) {
    return reportFailure(err, io);
  }
}

function buildProgram(io: CliIo): Command {
  const program = new Command('koppeling')
    .description('Operate the Tribe CRM ↔ SnelStart integration through its admin API.')
    .option('--api-url <url>', `admin API base URL (env KOPPELING_API_URL, default ${defaultApiUrl})`)
    .option('--token <token>', 'admin API token (env KOPPELING_ADMIN_TOKEN)')
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .addHelpText(
      'after',
      [
        '',
        'Exit codes: 0 ok, 1 unexpected error, 2 bad input, 3 not found, 4 conflict, 5 system unavailable,',
        '            6 unauthorized.',
        'A request waits up to KOPPELING_TIMEOUT_SECONDS (default 120) for the admin API.',
        '',
        'Examples:',
        '  $ export KOPPELING_ADMIN_TOKEN=<the adminToken printed by `npm run dev`>',
        '  $ koppeling tenant activate --file activation.json',
        '  $ koppeling tenant status acme --watch',
        '  $ koppeling tenant failures acme',
        '',
      ].join('\n'),
    );

  const context: CommandContext = {
    io,
    client: () => createClient(program.opts<GlobalOptions>(), io.env),
  };
  addTenantCommand(program, context);
  addMappingOptionsCommand(program, context);
  return program;
}

function createClient(options: GlobalOptions, env: CliIo['env']): AdminApiClient {
  const apiUrl = options.apiUrl ?? env.KOPPELING_API_URL ?? defaultApiUrl;
  if (!URL.canParse(apiUrl) || !/^https?:$/.test(new URL(apiUrl).protocol)) {
    throw new CliError(ExitCode.badInput, `The admin API URL "${apiUrl}" is not an http(s) URL.`);
  }
  const token = options.token ?? env.KOPPELING_ADMIN_TOKEN;
  if (!token) {
    throw new CliError(
      ExitCode.unauthorized,
      'No admin API token. Set KOPPELING_ADMIN_TOKEN to the ADMIN_API_TOKEN of the running system ' +
        '(`npm run dev` prints it as adminToken), or pass --token.',
    );
  }
  return new AdminApiClient(apiUrl.replace(/\/+$/, ''), token, timeoutMs(env));
}

/** How long one admin API request may take: `KOPPELING_TIMEOUT_SECONDS`, 120 s by default (a preview of a large administration can take longer). */
function timeoutMs(env: CliIo['env']): number {
  const text = env.KOPPELING_TIMEOUT_SECONDS;
  if (text === undefined || text === '') return 120_000;
  const seconds = Number(text);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new CliError(
      ExitCode.badInput,
      `KOPPELING_TIMEOUT_SECONDS must be a positive number of seconds, got "${text}".`,
    );
  }
  return seconds * 1000;
}

function reportFailure(err: unknown, io: CliIo): number {
  if (err instanceof CommanderError) {
    // Commander has already printed the help or the usage error.
    return err.exitCode === 0 ? ExitCode.ok : ExitCode.badInput;
  }
  if (err instanceof CliError) {
    writeLine(io.stderr, `Error: ${err.message}`);
    for (const problem of err.problems) writeLine(io.stderr, `  ${problem.field}: ${problem.message}`);
    return err.exitCode;
  }
  writeLine(io.stderr, `Unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  return ExitCode.unexpected;
}
