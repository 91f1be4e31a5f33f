import type { AdminApiClient } from '../admin-api-client';
import type { CliIo } from '../cli-io';

/** What every command action needs: the output streams and a client of the admin API. */
export interface CommandContext {
  io: CliIo;
  /** The client for the global --api-url and --token; throws a CliError when no token is set. */
  client(): AdminApiClient;
}

/** The "Examples:" block shown under a command's --help. */
export function examples(...commands: string[]): string {
  return `\nExamples:\n${commands.map((command) => `  $ ${command}`).join('\n')}\n`;
}
