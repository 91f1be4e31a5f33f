import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Worker } from '@temporalio/worker';

/**
 * Replays workflow histories (JSON from `temporal workflow show --output json`, or the Web UI's download)
 * against this release's workflow code: a release that cannot replay what running tenants recorded must
 * not be deployed. Exits 1 when any history does not replay.
 */
async function main(files: string[]): Promise<number> {
  if (files.length === 0) {
    process.stderr.write('usage: replay-histories <history.json> [...]\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      const history = JSON.parse(await readFile(file, 'utf8'));
      await Worker.runReplayHistory(
        { workflowsPath: require.resolve('../workflows') },
        history,
        path.basename(file),
      );
      process.stdout.write(`replays: ${file}\n`);
    } catch (err) {
      failed++;
      process.stdout.write(`does not replay: ${file}: ${err instanceof Error ? err.message : String(err)}\n`);
    }
  }
  return failed === 0 ? 0 : 1;
}

// The SDK's native runtime keeps the process alive after a replay: exit explicitly.
main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
