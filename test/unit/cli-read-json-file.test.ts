import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CliError, ExitCode } from '../../client/cli/cli-error';
import { readJsonFile } from '../../client/cli/read-json-file';

describe('readJsonFile', () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'koppeling-json-'));
  });

  afterAll(() => rm(dir, { recursive: true, force: true }));

  async function failure(content: string): Promise<CliError> {
    const path = join(dir, 'file.json');
    await writeFile(path, content);
    const error = await readJsonFile(path, 'activation file').catch((err: unknown) => err);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(ExitCode.badInput);
    return error as CliError;
  }

  it('reads JSON, also with a byte order mark', async () => {
    const path = join(dir, 'bom.json');
    await writeFile(path, '\uFEFF{"tenantId":"acme"}');
    await expect(readJsonFile(path, 'activation file')).resolves.toEqual({ tenantId: 'acme' });
  });

  it.each([
    ['a missing value', '{\n  "a": }', 'unexpected "}" at line 2, column 8 (position 9)'],
    [
      'a trailing comma',
      '{"a": 1,}',
      'expected double-quoted property name at line 1, column 9 (position 8)',
    ],
    ['text after the document', '{"a": 1} x', 'at line 1, column 10 (position 9)'],
    ['a cut-off file', '{"a": [1, 2', 'the file ends too early at line 1, column 12 (position 11)'],
    ['an unterminated string', '{"a": "abc', 'at line 1, column 11 (position 10)'],
    ['an unquoted key', '{\n\n  koppelsleutel: "x"}', 'at line 3, column 3 (position 5)'],
    ['an empty file', '', 'the file is empty'],
  ])('locates %s', async (_name, content, expected) => {
    const error = await failure(content);
    expect(error.message).toContain('is not valid JSON');
    expect(error.message).toContain(expected);
  });

  it('never quotes the content, which holds secrets', async () => {
    const error = await failure('{"koppelsleutel": "s3cr3t-value" "clientSecret": "x"}');
    expect(error.message).not.toContain('s3cr3t');
  });

  it('names a missing file and a directory', async () => {
    const missing = join(dir, 'nope.json');
    await expect(readJsonFile(missing, 'activation file')).rejects.toThrow(
      `Cannot read the activation file ${missing}: the file does not exist.`,
    );
    await expect(readJsonFile(dir, 'activation file')).rejects.toThrow('it is a directory, not a file');
  });
});
