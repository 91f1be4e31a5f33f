/**
 * Calls ÷ limit under SnelStart's two sliding windows: the least time `calls` calls can take when no more
 * than `perMinute` may start in any minute and `perHour` in any hour. Each call starts as early as both
 * windows allow, so the first window's burst is counted (216 calls at 100/min: 120 s; 1,912 calls at
 * 100/min and 1,000/h: 4,140 s, not 1,912 ÷ 1,000 h).
 */
export function rateLimitFloorSeconds(calls: number, limits: { perMinute: number; perHour: number }): number {
  const starts: number[] = [];
  for (let k = 0; k < calls; k += 1) {
    starts.push(
      Math.max(
        starts[k - 1] ?? 0,
        k >= limits.perMinute ? starts[k - limits.perMinute]! + 60 : 0,
        k >= limits.perHour ? starts[k - limits.perHour]! + 3600 : 0,
      ),
    );
  }
  return starts[calls - 1] ?? 0;
}
