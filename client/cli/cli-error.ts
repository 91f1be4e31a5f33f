import type { Problem } from '../operator/operator-service';

/** Exit codes a script can act on. */
export const ExitCode = {
  ok: 0,
  unexpected: 1,
  badInput: 2,
  notFound: 3,
  conflict: 4,
  unavailable: 5,
  unauthorized: 6,
} as const;

export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** A failure the CLI reports in words, with the exit code that says what kind it was. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    readonly exitCode: ExitCode,
    message: string,
    readonly problems: Problem[] = [],
  ) {
    super(message);
  }
}
