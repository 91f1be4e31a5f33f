import { existsSync } from 'node:fs';
import path from 'node:path';

/** The migrations ship next to package.json: `store/` when run from source, `dist/store/` when built. */
export function migrationsDir(from: string = __dirname): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'migrations');
    if (path.dirname(dir) === dir)
      throw new Error(`No package.json above ${from}: cannot find the migrations folder`);
  }
}

export async function migrate(
  databaseUrl: string,
  log: (msg: string) => void = () => undefined,
): Promise<void> {
  // node-pg-migrate is published as an ES module only.
  const { runner } = await import('node-pg-migrate');
  await runner({
    databaseUrl,
    dir: migrationsDir(),
    direction: 'up',
    migrationsTable: 'pgmigrations',
    count: Infinity,
    log,
    noLock: false,
    verbose: false,
  });
}

if (require.main === module) {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error('DATABASE_URL is required, e.g. postgres://koppeling@127.0.0.1:54329/koppeling');
    process.exit(2);
  }
  migrate(url, (msg) => console.error(msg)).then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(`Migration failed: ${err instanceof Error ? err.message : String(err)}`);
      process.exit(1);
    },
  );
}
