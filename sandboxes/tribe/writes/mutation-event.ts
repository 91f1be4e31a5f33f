export type MutationType = 'EntityCreationMutation' | 'EntityUpdateMutation' | 'EntityDeletionMutation';

/** One stored change, as announced to webhooks. */
export interface MutationEvent {
  readonly type: MutationType;
  /** Dotted type name, e.g. `Activity.Invoice`. */
  readonly entityType: string;
  readonly entitySet: string;
  readonly entityId: string;
  readonly timestamp: string;
}
