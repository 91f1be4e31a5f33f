import { Client, type ClientConfig } from 'pg';

/** Raised when a lock stays taken longer than the wait allows; the caller's retry tries again later. */
export class LockWaitTimeout extends Error {
  constructor(keys: readonly string[]) {
    super(`another sync step still holds ${keys.join(', ')}; it is tried again`);
    this.name = 'LockWaitTimeout';
  }
  readonly retryable = true;
}

export interface AdvisoryLockOptions {
  /** Sections running at once in this process, each on a connection of its own. */
  maxHolders?: number;
  /** How long to wait for a key another process or section holds. */
  waitMs?: number;
}

/**
 * PostgreSQL session advisory locks, so that a look-up and the write that depends on it run as one step
 * across every worker process. Each section holds a connection of its own, outside the stores' pool: a
 * section queries through that pool while it holds its lock, and must never wait for a connection a lock
 * waiter is keeping. A holder that dies loses its connection, and with it its locks.
 */
export class AdvisoryLocks {
  private readonly maxHolders: number;
  private readonly waitMs: number;
  private holders = 0;
  private readonly queue: (() => void)[] = [];

  constructor(
    private readonly connection: ClientConfig,
    options: AdvisoryLockOptions = {},
  ) {
    this.maxHolders = options.maxHolders ?? 8;
    this.waitMs = options.waitMs ?? 120_000;
  }

  /** Runs `fn` holding every key; keys are taken in sorted order, so two sections never wait on each other. */
  async withLocks<T>(keys: readonly string[], fn: () => Promise<T>): Promise<T> {
    const sorted = [...new Set(keys)].sort();
    if (sorted.length === 0) return fn();
    await this.enter();
    const client = new Client(this.connection);
    // A lost connection (database restart) surfaces as the failed query below, not as a process crash.
    client.on('error', () => undefined);
    try {
      try {
        await client.connect();
        await client.query(`SET lock_timeout = ${Math.max(1, Math.round(this.waitMs))}`);
        for (const key of sorted)
          await client.query('SELECT pg_advisory_lock(hashtextextended($1, 0))', [key]);
      } catch (err) {
        if ((err as { code?: string }).code === '55P03') throw new LockWaitTimeout(sorted);
        // The database is unreachable or restarting: nothing was done yet, so the step can simply run again.
        throw Object.assign(err instanceof Error ? err : new Error(String(err)), { retryable: true });
      }
      return await fn();
    } finally {
      // Closing the session releases its locks, also when the section failed half-way.
      await client.end().catch(() => undefined);
      this.leave();
    }
  }

  private async enter(): Promise<void> {
    if (this.holders < this.maxHolders) {
      this.holders += 1;
      return;
    }
    await new Promise<void>((resolve) => this.queue.push(resolve));
  }

  private leave(): void {
    const next = this.queue.shift();
    if (next) next();
    else this.holders -= 1;
  }
}
