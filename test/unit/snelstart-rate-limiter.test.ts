import { RateLimiter } from '../../api-clients/http/rate-limiter';
import { sharedRateLimiter, dropSharedRateLimiter } from '../../api-clients/http/rate-limiter-registry';
import { SlidingWindowLog } from '../../api-clients/http/sliding-window-log';
import { RateLimitGate } from '../../sandboxes/snelstart/traffic/rate-limit-gate';

describe('SlidingWindowLog', () => {
  it('counts calls inside the window and says when the next one fits', () => {
    const log = new SlidingWindowLog(2, 1000);
    log.record(0);
    log.record(100);
    expect(log.count(500)).toBe(2);
    expect(log.waitMs(500)).toBe(500);
    expect(log.waitMs(999)).toBe(1);
    expect(log.count(1000)).toBe(1);
    expect(log.waitMs(1000)).toBe(0);
  });
});

describe('RateLimitGate (sandbox)', () => {
  it('rejects the call over the per-minute limit with the seconds until a slot frees', () => {
    let now = 0;
    const gate = new RateLimitGate({ perMinute: 2, perHour: null, concurrent: null });
    const first = gate.tryAdmit(now);
    gate.tryAdmit((now += 10_000));
    const third = gate.tryAdmit((now += 10_000));
    expect(first.admitted).toBe(true);
    expect(third).toEqual({ admitted: false, retryAfterSeconds: 40, limit: 'minute' });
    expect(gate.tryAdmit(60_001).admitted).toBe(true);
  });

  it('caps concurrent calls until one is released, and can be switched off', () => {
    const gate = new RateLimitGate({ perMinute: null, perHour: null, concurrent: 1 });
    const first = gate.tryAdmit(0);
    expect(gate.tryAdmit(0)).toMatchObject({ admitted: false, limit: 'concurrent', retryAfterSeconds: 1 });
    if (first.admitted) first.release();
    expect(gate.tryAdmit(0).admitted).toBe(true);
    gate.configure({ concurrent: null });
    expect(gate.tryAdmit(0).admitted).toBe(true);
    expect(gate.peakConcurrent).toBe(2);
  });
});

describe('RateLimiter (client)', () => {
  async function timedBurst(limiter: RateLimiter, calls: number, workMs = 0) {
    const starts: number[] = [];
    let running = 0;
    let peak = 0;
    const began = performance.now();
    await Promise.all(
      Array.from({ length: calls }, () =>
        limiter.schedule(async () => {
          starts.push(performance.now() - began);
          peak = Math.max(peak, ++running);
          await new Promise((resolve) => setTimeout(resolve, workMs));
          running--;
        }),
      ),
    );
    return { starts, peak, wallMs: performance.now() - began };
  }

  it('spaces starts evenly at the per-minute rate so N calls take N ÷ rate', async () => {
    const limiter = new RateLimiter({ perMinute: 10, perHour: null, concurrent: null, minuteMs: 1000 });
    const { starts, wallMs } = await timedBurst(limiter, 20);
    const floorMs = (20 / 10) * 1000;
    expect(wallMs).toBeGreaterThan(floorMs * 0.85);
    expect(wallMs).toBeLessThan(floorMs * 1.15);
    const gaps = starts.slice(1).map((start, i) => start - (starts[i] as number));
    expect(Math.min(...gaps)).toBeGreaterThan(70);
    // Never more than 10 starts in any window of the "minute".
    for (const start of starts) {
      expect(starts.filter((s) => s >= start && s < start + 1000).length).toBeLessThanOrEqual(10);
    }
  });

  it('holds the hourly budget as a hard cap', async () => {
    const limiter = new RateLimiter({ perMinute: null, perHour: 5, concurrent: null, hourMs: 600 });
    const { starts } = await timedBurst(limiter, 8);
    expect(starts.filter((start) => start < 500)).toHaveLength(5);
    expect(Math.min(...starts.slice(5))).toBeGreaterThanOrEqual(590);
  });

  it('never runs more than the concurrent limit', async () => {
    const limiter = new RateLimiter({ perMinute: null, perHour: null, concurrent: 3 });
    const { peak } = await timedBurst(limiter, 12, 20);
    expect(peak).toBe(3);
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });

  it.each([
    ['nothing running', {}, (): void => undefined, [0, 0]],
    [
      'the concurrent limit reached (as long as a call runs)',
      { concurrent: 1 },
      (l: RateLimiter): void => void l.acquire(),
      [0, 0],
    ],
    [
      'two calls queued behind one just started, 1 s apart',
      { perMinute: 60, concurrent: 1 },
      (l: RateLimiter): void => {
        void l.acquire();
        void l.acquire();
        void l.acquire();
      },
      [2_900, 3_000],
    ],
    ['a Retry-After of a minute', {}, (l: RateLimiter): void => l.pauseFor(60_000), [59_900, 60_000]],
    [
      "the hour's budget spent",
      { perHour: 1 },
      (l: RateLimiter): void => void l.acquire().then((release) => release()),
      [3_599_000, 3_601_000],
    ],
    [
      'unthrottled calls queued at 10,000 a minute',
      { perMinute: 10_000 },
      (l: RateLimiter): void => {
        for (let i = 0; i < 40; i++) void l.acquire().then((release) => release());
      },
      [0, 300],
    ],
  ] as const)('says about how long a call now would wait: %s', async (_case, limits, use, [low, high]) => {
    const limiter = new RateLimiter({ perMinute: null, perHour: null, concurrent: null, ...limits });
    use(limiter);
    await new Promise((resolve) => setImmediate(resolve));
    expect(limiter.expectedWaitMs).toBeGreaterThanOrEqual(low);
    expect(limiter.expectedWaitMs).toBeLessThanOrEqual(high);
  });

  it('pauses every start after a Retry-After', async () => {
    const limiter = new RateLimiter({ perMinute: null, perHour: null, concurrent: null });
    limiter.pauseFor(200);
    const { starts } = await timedBurst(limiter, 2);
    expect(Math.min(...starts)).toBeGreaterThanOrEqual(190);
  });

  it('keeps its history when it is configured again, so a new client cannot start a fresh burst', async () => {
    const config = { perMinute: null, perHour: 3, concurrent: null, hourMs: 60_000 };
    const limiter = new RateLimiter(config);
    await timedBurst(limiter, 3);
    limiter.configure(config);
    let started = false;
    const waiting = limiter.schedule(async () => {
      started = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(started).toBe(false);
    limiter.configure({ ...config, perHour: 4 });
    await waiting;
    expect(started).toBe(true);
  });

  it('is shared per key across client instances', () => {
    const config = { perMinute: 100, perHour: 1000, concurrent: 5 };
    const a = sharedRateLimiter('tenant-a', config);
    expect(sharedRateLimiter('tenant-a', { ...config, concurrent: 2 })).toBe(a);
    expect(sharedRateLimiter('tenant-b', config)).not.toBe(a);
    dropSharedRateLimiter('tenant-a');
    expect(sharedRateLimiter('tenant-a', config)).not.toBe(a);
    dropSharedRateLimiter('tenant-a');
    dropSharedRateLimiter('tenant-b');
  });

  it('calls onWait while a call waits its turn and once when the wait ends, never for a call that need not wait', async () => {
    let waits = 0;
    const limiter = new RateLimiter({
      perMinute: 2,
      perHour: null,
      concurrent: null,
      minuteMs: 400,
      onWait: () => void (waits += 1),
      waitTickMs: 50,
    });
    const first = await limiter.acquire();
    first();
    expect(waits).toBe(0);
    const began = performance.now();
    const second = await limiter.acquire();
    second();
    const waitedMs = performance.now() - began;
    expect(waitedMs).toBeGreaterThan(150);
    // Every tick of the ~200 ms wait, plus the one when it ended.
    expect(waits).toBeGreaterThanOrEqual(3);
  });

  it('gives up a wait when onWait throws: the call leaves the queue and the next one takes its turn', async () => {
    let stop = false;
    const limiter = new RateLimiter({
      perMinute: null,
      perHour: null,
      concurrent: 1,
      onWait: () => {
        if (stop) throw new Error('attempt cancelled');
      },
      waitTickMs: 20,
    });
    const holder = await limiter.acquire();
    const cancelled = limiter.acquire();
    stop = true;
    await expect(cancelled).rejects.toThrow('attempt cancelled');
    expect(limiter.load).toEqual({ active: 1, waiting: 0 });
    stop = false;
    const next = limiter.acquire();
    holder();
    const release = await next;
    expect(limiter.load).toEqual({ active: 1, waiting: 0 });
    release();
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });
});
