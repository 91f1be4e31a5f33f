import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
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

  describe("the Temporal set-up job's script", () => {
    const script = () => {
      const resolved = parse(
        execFileSync('docker-compose', ['config'], {
          cwd: root,
          env: { ...process.env, ...required },
        }).toString(),
      );
      // Compose turns $$ into $ when it runs the command.
      return (resolved.services['temporal-setup'].command as string[])[0]!.replace(/\$\$/g, '$');
    };
    /** Runs it against a stand-in `temporal` CLI whose namespace appears after two polls. */
    const runWith = (existing: string[], createFails: boolean) => {
      const bin = mkdtempSync(path.join(tmpdir(), 'temporal-setup-'));
      try {
        writeFileSync(
          path.join(bin, 'temporal'),
          `#!/bin/sh
echo "$*" >> "${bin}/calls"
case "$1 $2" in
  "operator namespace") n=$(cat "${bin}/polls" 2>/dev/null || echo 0); echo $((n + 1)) > "${bin}/polls"; [ $n -ge 2 ] ;;
  "operator search-attribute")
    if [ "$3" = list ]; then ${existing.map((name) => `echo "${name} Keyword";`).join(' ')} true;
    else ${createFails ? 'exit 1' : 'true'}; fi ;;
esac
`,
        );
        writeFileSync(path.join(bin, 'sleep'), '#!/bin/sh\ntrue\n');
        chmodSync(path.join(bin, 'temporal'), 0o755);
        chmodSync(path.join(bin, 'sleep'), 0o755);
        const result = spawnSync('/bin/sh', ['-c', script()], {
          env: { PATH: `${bin}:${process.env.PATH}` },
        });
        const calls = readFileSync(path.join(bin, 'calls'), 'utf8').trim().split('\n');
        return { status: result.status, calls };
      } finally {
        rmSync(bin, { recursive: true, force: true });
      }
    };

    it('waits for the namespace, then creates only the search attributes that are missing', () => {
      const { status, calls } = runWith(['KoppelingKind'], false);
      expect(status).toBe(0);
      expect(calls.filter((call) => call.startsWith('operator namespace describe'))).toHaveLength(3);
      expect(calls.filter((call) => call.includes('search-attribute create'))).toEqual([
        'operator search-attribute create --namespace default --name KoppelingTenantId --type Keyword',
        'operator search-attribute create --namespace default --name KoppelingInvoiceNumber --type Keyword',
      ]);
    });

    it('fails when a search attribute cannot be created, so the worker and admin API do not start', () => {
      expect(runWith([], true).status).not.toBe(0);
    });

    it('gates the worker and the admin API', () => {
      const resolved = parse(
        execFileSync('docker-compose', ['config'], {
          cwd: root,
          env: { ...process.env, ...required },
        }).toString(),
      );
      for (const service of ['worker', 'admin-api'])
        expect(resolved.services[service].depends_on['temporal-setup']).toEqual({
          condition: 'service_completed_successfully',
        });
    });
  });
});
