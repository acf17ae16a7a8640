import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Where the ingestor is in a supplier's feed: the newest entry whose page Kafka has acknowledged. */
@Entity({ name: 'checkpoints' })
export class CheckpointEntity {
  @PrimaryColumn('text', { name: 'supplier_id' }) supplierId!: string;
  @Column('text', { name: 'entry_id' }) entryId!: string;
  /** The entry's Atom `updated` exactly as the feed wrote it: the fallback if the entry leaves the feed. */
  @Column('text', { name: 'entry_updated', nullable: true }) entryUpdated!: string | null;
  @Column('text', { name: 'page_url', nullable: true }) pageUrl!: string | null;
  @Column('text', { name: 'page_id', nullable: true }) pageId!: string | null;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}
