import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = path.join(__dirname, '..', '..');
const histories = path.join(__dirname, '..', 'fixtures', 'workflow-histories');

async function replay(file: string) {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--require', 'tsx/cjs', 'workers/replay-histories.ts', file],
      { cwd: root, env: { ...process.env, TEMPORAL_LOG_LEVEL: 'warn' }, timeout: 60_000 },
    );
    return { code: 0, stdout };
  } catch (err) {
    const failed = err as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

/**
 * Tenant workflows live for years and booking workflows may be running (waiting for a paused tenant) when a
 * release is deployed, so a release must replay what earlier ones recorded. Each fixture is a history written
 * by an earlier release, exported with `temporal workflow show --output json`: a tenant workflow (initial sync,
 * a cycle, deactivation), and invoice bookings whose one attempt was an activity (booked; failed for good).
 */
describe('workflows recorded by earlier releases replay on this one', () => {
  it.each(readdirSync(histories).filter((file) => file.endsWith('.json')))('%s', async (file) => {
    const result = await replay(path.join(histories, file));
    expect(result.stdout).toContain(`replays: ${path.join(histories, file)}`);
    expect(result.code).toBe(0);
  });

  it('names a history that does not replay', async () => {
    // The same history with its first activity renamed: a workflow change made without versioning.
    const dir = await mkdtemp(path.join(tmpdir(), 'replay-'));
    try {
      const text = await readFile(path.join(histories, 'tenant-before-role-webhooks.json'), 'utf8');
      const changed = path.join(dir, 'changed.json');
      await writeFile(changed, text.replace(/"recordTenantStatus"/, '"somethingElse"'));
      const result = await replay(changed);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain(`does not replay: ${changed}`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
