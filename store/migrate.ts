import path from 'node:path';

export async function migrate(
  databaseUrl: string,
  log: (msg: string) => void = () => undefined,
): Promise<void> {
  // node-pg-migrate is published as an ES module only.
  const { runner } = await import('node-pg-migrate');
  await runner({
    databaseUrl,
    dir: path.join(__dirname, '..', 'migrations'),
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
