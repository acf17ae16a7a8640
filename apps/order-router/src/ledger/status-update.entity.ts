import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { StatusOutcome } from './order-ledger';

/** Every order-status-updated record the router decided on, keyed by where it was read. */
@Entity({ name: 'status_updates' })
export class StatusUpdateEntity {
  @PrimaryColumn('text', { name: 'source_topic' }) sourceTopic!: string;
  @PrimaryColumn('integer', { name: 'source_partition' }) sourcePartition!: number;
  @PrimaryColumn('bigint', { name: 'source_offset' }) sourceOffset!: string;
  @Column('text', { name: 'order_id' }) orderId!: string;
  @Column('text', { name: 'entry_id' }) entryId!: string;
  @Column('text') outcome!: StatusOutcome;
  @Column('text', { name: 'content_hash' }) contentHash!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
