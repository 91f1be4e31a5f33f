/**
 * Runs `fn` over `items` with at most `limit` calls in flight; results keep the input order.
 *
 * Once a call fails (or `signal` aborts) no new item is started; the calls already running are awaited, so
 * nothing keeps writing after the returned promise settles, and then the first error (or the abort reason)
 * is thrown.
 */
export async function mapWithConcurrency<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, index: number) => Promise<R>,
  options: { signal?: AbortSignal } = {},
): Promise<R[]> {
  const { signal } = options;
  const results = new Array<R>(items.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async () => {
    while (next < items.length && !failure && !signal?.aborted) {
      const index = next++;
      try {
        results[index] = await fn(items[index] as T, index);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure) throw failure.error;
  if (signal?.aborted && next < items.length) throw abortReason(signal);
  return results;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new Error('stopped: the work was cancelled');
}
