import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';

const root = path.join(__dirname, '..', '..');
const required = {
  KOPPELING_DB_PASSWORD: 'pw',
  KOPPELING_ENCRYPTION_KEY: 'a'.repeat(64),
  ADMIN_API_TOKEN: 'token-token-token-token',
  SNELSTART_SUBSCRIPTION_KEY: 'key',
};

describe('docker-compose.yml', () => {
  it('is accepted by docker-compose config -q', () => {
    const result = spawnSync('docker-compose', ['config', '-q'], {
      cwd: root,
      env: { ...process.env, ...required },
    });
    expect(result.stderr.toString()).toBe('');
    expect(result.status).toBe(0);
  });

  it('runs PostgreSQL, Temporal on PostgreSQL, the Temporal UI, the worker and the admin API', () => {
    const resolved = parse(
      execFileSync('docker-compose', ['config'], {
        cwd: root,
        env: { ...process.env, ...required },
      }).toString(),
    );
    expect(Object.keys(resolved.services)).toEqual(
      expect.arrayContaining(['postgres', 'temporal', 'temporal-ui', 'worker', 'admin-api']),
    );
    expect(resolved.services.temporal.environment).toMatchObject({
      DB: 'postgres12',
      POSTGRES_SEEDS: 'postgres',
    });
    expect(resolved.services['temporal-ui'].environment.TEMPORAL_ADDRESS).toBe('temporal:7233');
    expect(resolved.services.worker.environment.DATABASE_URL).toContain('@postgres:5432/');
  });

  it('starts each Koppeling service from an entry point the build produces', () => {
    const resolved = parse(
      execFileSync('docker-compose', ['config'], {
        cwd: root,
        env: { ...process.env, ...required },
      }).toString(),
    );
    const entryPoints = Object.values(
      resolved.services as Record<string, { build?: unknown; command?: string[] }>,
    )
      .filter((service) => service.build)
      .map((service) => service.command?.find((part) => part.startsWith('dist/')));
    expect(entryPoints).toEqual(
      expect.arrayContaining([
        'dist/workers/main.js',
        'dist/client/admin-server.js',
        'dist/store/migrate.js',
      ]),
    );
    for (const entryPoint of entryPoints) {
      // tsc compiles X.ts to dist/X.js (tsconfig.build.json keeps the source layout).
      const source = entryPoint!.replace(/^dist\//, '').replace(/\.js$/, '.ts');
      expect({ entryPoint, exists: existsSync(path.join(root, source)) }).toEqual({
        entryPoint,
        exists: true,
      });
    }
  });

  it('refuses to start without the secrets, naming the missing one', () => {
    const env = { ...process.env, ...required } as Record<string, string | undefined>;
    delete env.KOPPELING_ENCRYPTION_KEY;
    const result = spawnSync('docker-compose', ['config', '-q'], {
      cwd: root,
      env: env as NodeJS.ProcessEnv,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr.toString()).toContain('KOPPELING_ENCRYPTION_KEY');
  });
});
