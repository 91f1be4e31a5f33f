import { rateLimitFloorSeconds } from '../../bench/rate-limit-floor';

const TEST_PRODUCT = { perMinute: 100, perHour: 1000 };

describe('rateLimitFloorSeconds', () => {
  it.each([
    [0, 0],
    [1, 0],
    [100, 0],
    [101, 60],
    [216, 120],
    [1000, 540],
    [1001, 3600],
    [1100, 3600],
    [1101, 3660],
    [1912, 4140],
    [2001, 7200],
  ])('%i calls under 100/min and 1,000/h need at least %i s', (calls, seconds) => {
    expect(rateLimitFloorSeconds(calls, TEST_PRODUCT)).toBe(seconds);
  });
});
