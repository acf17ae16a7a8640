import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * An entry already on Kafka. The key is the Atom entry id, or for an entry without a readable id
 * `sha256:` + the hash of its raw XML, so that a dead letter is not sent again either.
 */
@Entity({ name: 'published_entries' })
export class PublishedEntryEntity {
  @PrimaryColumn('text', { name: 'entry_key' }) entryKey!: string;
  @Column('timestamptz', { name: 'published_at' }) publishedAt!: Date;
}
