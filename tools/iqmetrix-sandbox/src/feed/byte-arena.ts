/** Size of each shared block; entries are ~2 KB, so one block holds a few hundred. */
const BLOCK_BYTES = 1024 * 1024;

/**
 * Stores rendered entries as UTF-8 slices of large shared blocks: one allocation per few hundred
 * entries instead of one per entry, and half the memory of JavaScript strings holding non-ASCII text.
 * Entries are never removed before a reset, so blocks need no freeing logic.
 */
export class ByteArena {
  private block = Buffer.allocUnsafe(BLOCK_BYTES);
  private used = 0;

  store(text: string): Buffer {
    const size = Buffer.byteLength(text, 'utf8');
    if (size > BLOCK_BYTES / 8) return Buffer.from(text, 'utf8');
    if (this.used + size > BLOCK_BYTES) {
      this.block = Buffer.allocUnsafe(BLOCK_BYTES);
      this.used = 0;
    }
    this.block.write(text, this.used, size, 'utf8');
    const slice = this.block.subarray(this.used, this.used + size);
    this.used += size;
    return slice;
  }
}
