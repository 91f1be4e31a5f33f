import { Client, type ClientConfig } from 'pg';

/** Raised when the keys stay taken longer than the wait allows; the caller's retry tries again later. */
export class LockWaitTimeout extends Error {
  readonly retryable = true;
  constructor(keys: readonly string[]) {
    super(`another sync step still holds ${keys.join(', ')}; it is tried again`);
    this.name = 'LockWaitTimeout';
  }
}

export interface AdvisoryLockOptions {
  /** Sections running at once in this process, each on a connection of its own. */
  maxHolders?: number;
  /** The longest a section waits for a free connection and all its keys together. */
  waitMs?: number;
  /** How often a waiting section asks for its keys again. */
  pollMs?: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * PostgreSQL session advisory locks, so that a look-up and the write that depends on it run as one step
 * across every worker process. Each section holds a connection of its own, outside the stores' pool: a
 * section queries through that pool while it holds its lock, and must never wait for a connection a lock
 * waiter is keeping. A holder that dies loses its connection, and with it its locks.
 */
export class AdvisoryLocks {
  private readonly maxHolders: number;
  private readonly waitMs: number;
  private readonly pollMs: number;
  private holders = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly connection: ClientConfig,
    options: AdvisoryLockOptions = {},
  ) {
    this.maxHolders = options.maxHolders ?? 16;
    this.waitMs = options.waitMs ?? 20_000;
    this.pollMs = options.pollMs ?? 50;
  }

  /**
   * Runs `fn` holding every key. Keys are taken in sorted order, so two sections never wait on each other;
   * `onWait` runs while waiting (an activity heartbeats there).
   */
  async withLocks<T>(keys: readonly string[], fn: () => Promise<T>, onWait?: () => void): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    if (sorted.length === 0) return fn();
    const deadline = Date.now() + this.waitMs;
    if (!(await this.enter(deadline))) throw new LockWaitTimeout(sorted);
    const client = new Client({
      ...this.connection,
      connectionTimeoutMillis: this.waitMs,
      keepAlive: true,
    });
    // A lost connection (database restart) surfaces as a failed query, not as a process crash.
    client.on('error', () => undefined);
    try {
      try {
        await client.connect();
        for (const key of sorted) {
          while (!(await this.tryLock(client, key))) {
            if (Date.now() >= deadline) throw new LockWaitTimeout(sorted);
            onWait?.();
            await sleep(this.pollMs);
          }
        }
      } catch (err) {
        if (err instanceof LockWaitTimeout) throw err;
        // The database is unreachable or restarting: nothing was done yet, so the step can simply run again.
        throw Object.assign(err instanceof Error ? err : new Error(String(err)), { retryable: true });
      }
      return await fn();
    } finally {
      // Closing the session releases its locks, also when the section failed half-way.
      await Promise.race([client.end().catch(() => undefined), sleep(5_000)]);
      this.leave();
    }
  }

  private async tryLock(client: Client, key: string): Promise<boolean> {
    const { rows } = await client.query<{ locked: boolean }>(
      'SELECT pg_try_advisory_lock(hashtextextended($1, 0)) AS locked',
      [key],
    );
    return rows[0]?.locked === true;
  }

  private async enter(deadline: number): Promise<boolean> {
    if (this.holders < this.maxHolders) {
      this.holders += 1;
      return true;
    }
    let admitted = false;
    const admit = () => {
      admitted = true;
    };
    this.queue.push(admit);
    while (!admitted && Date.now() < deadline) await sleep(this.pollMs);
    if (admitted) return true;
    this.queue.splice(this.queue.indexOf(admit), 1);
    return false;
  }

  private leave(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.holders -= 1;
  }
}
