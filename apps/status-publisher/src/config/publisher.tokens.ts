/** DI tokens for plain values (style §3: a Symbol only for non-class values). */
export const PUBLISHER_CONFIG = Symbol('PUBLISHER_CONFIG');
export const PUBLISHER_TOPICS = Symbol('PUBLISHER_TOPICS');
/** This process's name in leases (`claimed_by`), unique per replica and start. */
export const REPLICA_ID = Symbol('REPLICA_ID');
