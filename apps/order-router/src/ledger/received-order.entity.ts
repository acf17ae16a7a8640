import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per order ever received: the ledger entry that makes the order's event unique. */
@Entity({ name: 'received_orders' })
export class ReceivedOrderEntity {
  @PrimaryColumn('text', { name: 'order_id' }) orderId!: string;
  @Column('text', { name: 'entry_id' }) entryId!: string;
  /** The record that claimed the order; read again, it is the same claim (its transaction aborted). */
  @Column('text', { name: 'source_topic' }) sourceTopic!: string;
  @Column('integer', { name: 'source_partition' }) sourcePartition!: number;
  @Column('bigint', { name: 'source_offset' }) sourceOffset!: string;
  @Column('timestamptz', { name: 'received_at' }) receivedAt!: Date;
  @Column('timestamptz', { name: 'claimed_at' }) claimedAt!: Date;
}
