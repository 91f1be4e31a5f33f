/** Collects every page of a paged listing (`client.relatiePages()` …) into one array. */
export async function listAll<T>(pages: AsyncIterable<T[]>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page);
  return all;
}
