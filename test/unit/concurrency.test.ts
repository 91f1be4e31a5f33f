import { mapWithConcurrency } from '../../lib/concurrency';

const tick = (ms = 5) => new Promise((resolve) => setTimeout(resolve, ms));

describe('mapWithConcurrency', () => {
  it('keeps the input order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const results = await mapWithConcurrency([5, 1, 4, 2, 3], 2, async (n) => {
      peak = Math.max(peak, ++running);
      await tick(n);
      running--;
      return n * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('starts no new item once one failed, and rejects only after the ones in flight have finished', async () => {
    const started: number[] = [];
    const finished: number[] = [];
    const items = Array.from({ length: 20 }, (_, i) => i);
    const run = mapWithConcurrency(items, 4, async (n) => {
      started.push(n);
      if (n === 1) {
        await tick(1);
        throw new Error('record 1 failed');
      }
      await tick(20);
      finished.push(n);
      return n;
    });
    await expect(run).rejects.toThrow('record 1 failed');
    expect(started.sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    // Everything that started (except the failure) had finished before the promise settled.
    expect(finished.sort((a, b) => a - b)).toEqual([0, 2, 3]);
    await tick(50);
    expect(started).toHaveLength(4);
  });

  it('rejects with the first failure when several fail', async () => {
    const run = mapWithConcurrency([1, 2, 3], 3, async (n) => {
      await tick(n * 5);
      throw new Error(`failed ${n}`);
    });
    await expect(run).rejects.toThrow('failed 1');
  });

  it('stops handing out items once the signal aborts, after the ones in flight have finished', async () => {
    const controller = new AbortController();
    const started: number[] = [];
    const finished: number[] = [];
    const run = mapWithConcurrency(
      Array.from({ length: 10 }, (_, i) => i),
      2,
      async (n) => {
        started.push(n);
        if (n === 2) controller.abort(new Error('attempt cancelled'));
        await tick(10);
        finished.push(n);
        return n;
      },
      { signal: controller.signal },
    );
    await expect(run).rejects.toThrow('attempt cancelled');
    expect(started).toEqual([0, 1, 2]);
    expect(finished.sort((a, b) => a - b)).toEqual([0, 1, 2]);
  });

  it('returns the results when the signal aborts after the last item was handed out', async () => {
    const controller = new AbortController();
    const results = await mapWithConcurrency(
      [1, 2],
      2,
      async (n) => {
        if (n === 2) controller.abort();
        await tick();
        return n;
      },
      { signal: controller.signal },
    );
    expect(results).toEqual([1, 2]);
  });
});
