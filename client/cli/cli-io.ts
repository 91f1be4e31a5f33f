/** Where the CLI reads its settings and writes its output; the process's own streams in production. */
export interface CliIo {
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  env: Record<string, string | undefined>;
  /** How often `tenant status --watch` refreshes, in milliseconds; one second by default. */
  pollIntervalMs?: number;
}

export function writeLine(stream: NodeJS.WritableStream, text = ''): void {
  stream.write(`${text}\n`);
}

/** Exactly one JSON document, so scripts can pipe the output into `jq`. */
export function writeJson(stream: NodeJS.WritableStream, value: unknown): void {
  stream.write(`${JSON.stringify(value, null, 2)}\n`);
}
