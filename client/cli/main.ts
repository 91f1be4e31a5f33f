import { runCli } from './run-cli';

export { runCli } from './run-cli';
export type { CliIo } from './cli-io';

/** The `koppeling` executable: runs with the process's arguments, streams and environment. */
export async function main(): Promise<void> {
  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: process.stdout,
    stderr: process.stderr,
    env: process.env,
  });
}

if (require.main === module) void main();
