/** Seed and dump format: records in their wire shape, keyed by entity set, navigations as `{ "ID" }`. */
export type TribeSeed = Partial<Record<string, ReadonlyArray<Record<string, unknown>>>>;
