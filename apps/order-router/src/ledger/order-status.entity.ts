import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Each order's status and tracking numbers as iQmetrix last reported them on the feed. */
@Entity({ name: 'order_statuses' })
export class OrderStatusEntity {
  @PrimaryColumn('text', { name: 'order_id' }) orderId!: string;
  /** Offset of the report on its partition of the status topic: an older report never wins. */
  @Column('bigint', { name: 'source_offset' }) sourceOffset!: string;
  /** The status every item reports; null when they differ. */
  @Column('text', { nullable: true }) status!: string | null;
  /** Every tracking number iQmetrix has reported for the order, never fewer. */
  @Column('text', { name: 'tracking_numbers', array: true }) trackingNumbers!: string[];
  @Column('jsonb') items!: unknown[];
  @Column('text', { name: 'entry_id' }) entryId!: string;
  @Column('timestamptz', { name: 'confirmed_at' }) confirmedAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
