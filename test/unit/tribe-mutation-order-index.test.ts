import { MutationClock } from '../../sandboxes/tribe/store/mutation-clock';
import { MutationOrderIndex } from '../../sandboxes/tribe/store/mutation-order-index';

describe('MutationOrderIndex', () => {
  it('lists IDs in mutation order within bounds and moves updated IDs to the end', () => {
    const index = new MutationOrderIndex();
    index.set('a', 10);
    index.set('b', 20);
    index.set('c', 30);
    index.set('a', 40);
    expect([...index.range()]).toEqual(['b', 'c', 'a']);
    expect([...index.range({ ms: 20, inclusive: false })]).toEqual(['c', 'a']);
    expect([...index.range({ ms: 20, inclusive: true }, { ms: 30, inclusive: true })]).toEqual(['b', 'c']);
    expect([...index.range(undefined, undefined, true)]).toEqual(['a', 'c', 'b']);
    index.delete('c');
    expect([...index.range()]).toEqual(['b', 'a']);
    expect(index.size).toBe(2);
  });

  it('sorts out-of-order inserts (seeded dates) and survives compaction', () => {
    const index = new MutationOrderIndex();
    index.set('late', 300);
    index.set('early', 100);
    expect([...index.range()]).toEqual(['early', 'late']);
    for (let i = 0; i < 5000; i++) index.set('hot', 1000 + i);
    expect([...index.range({ ms: 200, inclusive: false })]).toEqual(['late', 'hot']);
  });
});

describe('MutationClock', () => {
  it('hands out strictly increasing millisecond dates even within one millisecond', () => {
    const clock = new MutationClock(() => 1_000);
    expect([clock.nextMs(), clock.nextMs(), clock.nextMs()]).toEqual([1000, 1001, 1002]);
    clock.advancePast(5_000);
    expect(clock.next()).toBe(new Date(5_001).toISOString());
  });
});
