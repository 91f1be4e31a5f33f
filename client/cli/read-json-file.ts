import { readFile } from 'node:fs/promises';
import { CliError, ExitCode } from './cli-error';

/**
 * Reads a JSON file such as the activation file. A missing file or a syntax error becomes a usage
 * error naming the path and the line, column and position of the mistake. The message never
 * quotes the file's content: it holds credentials.
 */
export async function readJsonFile(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    throw new CliError(ExitCode.badInput, `Cannot read the ${what} ${path}: ${describeReadError(err)}.`);
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1);
  try {
    return JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const position = jsonErrorPosition(text, message);
    const { line, column } = lineAndColumn(text, position);
    throw new CliError(
      ExitCode.badInput,
      `The ${what} ${path} is not valid JSON: ${describeJsonError(message, text, position)} ` +
        `at line ${line}, column ${column} (position ${position}).`,
    );
  }
}

function describeReadError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'the file does not exist';
  if (code === 'EISDIR') return 'it is a directory, not a file';
  if (code === 'EACCES') return 'permission denied';
  return err instanceof Error ? err.message : String(err);
}

/** Where parsing failed. V8 names the position for most errors; for the rest, find the longest viable prefix. */
function jsonErrorPosition(text: string, message: string): number {
  const stated = statedPosition(message);
  if (stated !== undefined) return stated;
  if (endsEarly(text, message)) return text.length;
  let viable = 0;
  let failing = text.length;
  while (failing - viable > 1) {
    const middle = Math.floor((viable + failing) / 2);
    if (isViablePrefix(text.slice(0, middle))) viable = middle;
    else failing = middle;
  }
  return failing - 1;
}

/** True when the prefix is valid JSON or could become valid by appending more text. */
function isViablePrefix(prefix: string): boolean {
  try {
    JSON.parse(prefix);
    return true;
  } catch (err) {
    return err instanceof Error && endsEarly(prefix, err.message);
  }
}

function statedPosition(message: string): number | undefined {
  const stated = /at position (\d+)/.exec(message)?.[1];
  return stated === undefined ? undefined : Number(stated);
}

/** V8 reports running out of input either as such or as an error positioned at the very end. */
function endsEarly(text: string, message: string): boolean {
  if (/Unexpected end of JSON input/.test(message)) return true;
  const stated = statedPosition(message);
  return stated !== undefined && stated >= text.length;
}

function describeJsonError(message: string, text: string, position: number): string {
  if (text.trim() === '') return 'the file is empty';
  if (position >= text.length) return 'the file ends too early';
  const character = text[position];
  if (/is not valid JSON/.test(message) && character !== undefined) {
    return `unexpected ${JSON.stringify(character)}`;
  }
  const reason = message.replace(/\s*(in JSON )?at position \d+.*$/s, '');
  return reason.charAt(0).toLowerCase() + reason.slice(1);
}

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const before = text.slice(0, position).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}
