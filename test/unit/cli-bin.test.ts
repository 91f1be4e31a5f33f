import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { FakeOperatorService, startAdminApi, testToken } from './admin-api-fake-service';

const run = promisify(execFile);
const bin = join(__dirname, '..', '..', 'bin', 'koppeling');

async function koppeling(args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(bin, args, { env: { ...process.env, ...env }, timeout: 60_000 });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('bin/koppeling', () => {
  jest.setTimeout(60_000);

  it('is an executable Node script', () => {
    expect(() => accessSync(bin, constants.X_OK)).not.toThrow();
  });

  it('shows the help', async () => {
    const { code, stdout } = await koppeling(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: koppeling');
  });

  it('drives a running admin API and exits with the CLI exit code', async () => {
    const service = new FakeOperatorService();
    await service.activate({ tenantId: 'acme', snelstart: { koppelsleutel: 'k' } });
    const api = await startAdminApi(service);
    try {
      const env = { KOPPELING_API_URL: api.url, KOPPELING_ADMIN_TOKEN: testToken };
      const list = await koppeling(['tenant', 'list', '--json'], env);
      expect(list.code).toBe(0);
      expect(JSON.parse(list.stdout).tenants.map((t: { tenantId: string }) => t.tenantId)).toEqual(['acme']);

      const unknown = await koppeling(['tenant', 'status', 'nobody'], env);
      expect(unknown.code).toBe(3);
      expect(unknown.stderr).toContain('Tenant "nobody" does not exist.');
    } finally {
      await api.close();
    }
  });
});
