import { randomUUID } from 'node:crypto';
import { AdvisoryLocks, LockWaitTimeout } from '../../store/advisory-locks';
import { testEnv } from '../helpers/test-stack';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('advisory locks (real PostgreSQL)', () => {
  const connection = { connectionString: testEnv().databaseUrl };
  const key = () => `test:${randomUUID()}`;

  /** Runs sections that record when they start and end; returns the order of those events. */
  async function trace(locks: AdvisoryLocks, sections: string[][]): Promise<string[]> {
    const events: string[] = [];
    await Promise.all(
      sections.map((keys, i) =>
        locks.withLocks(keys, async () => {
          events.push(`start ${i}`);
          await sleep(150);
          events.push(`end ${i}`);
        }),
      ),
    );
    return events;
  }

  it('runs sections sharing a key one after the other, also from separate processes', async () => {
    const shared = key();
    // Two instances stand for two worker processes: each has its own connections.
    const a = new AdvisoryLocks(connection);
    const b = new AdvisoryLocks(connection);
    const events: string[] = [];
    const section = (name: string) => async () => {
      events.push(`start ${name}`);
      await sleep(150);
      events.push(`end ${name}`);
    };
    await Promise.all([a.withLocks([shared], section('a')), b.withLocks([key(), shared], section('b'))]);
    expect(events.map((event) => event.split(' ')[0])).toEqual(['start', 'end', 'start', 'end']);
    const names = events.map((event) => event.split(' ')[1]);
    expect(names[1]).toBe(names[0]);
    expect(names[3]).toBe(names[2]);
  });

  it('runs sections without a key in common at the same time', async () => {
    const events = await trace(new AdvisoryLocks(connection), [[key()], [key()]]);
    expect(events.slice(0, 2).every((event) => event.startsWith('start'))).toBe(true);
  });

  it('takes keys in one order, so crossing key lists never deadlock', async () => {
    const [x, y] = [key(), key()];
    const events = await trace(new AdvisoryLocks(connection), [
      [x, y],
      [y, x],
    ]);
    expect(events).toHaveLength(4);
  });

  it('releases the keys when a section fails', async () => {
    const locks = new AdvisoryLocks(connection, { waitMs: 2_000 });
    const shared = key();
    await expect(
      locks.withLocks([shared], async () => {
        throw new Error('write refused');
      }),
    ).rejects.toThrow('write refused');
    await expect(locks.withLocks([shared], async () => 'again')).resolves.toBe('again');
  });

  it('gives up waiting with an error the caller retries', async () => {
    const shared = key();
    const holder = new AdvisoryLocks(connection);
    const waiter = new AdvisoryLocks(connection, { waitMs: 200 });
    let release!: () => void;
    const held = holder.withLocks([shared], () => new Promise<void>((resolve) => (release = resolve)));
    await sleep(100);
    const error = await waiter.withLocks([shared], async () => 'never').catch((err: unknown) => err);
    release();
    await held;
    expect(error).toBeInstanceOf(LockWaitTimeout);
    expect((error as LockWaitTimeout).retryable).toBe(true);
  });
});
