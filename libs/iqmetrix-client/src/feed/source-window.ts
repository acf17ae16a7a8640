/**
 * The part of the page text still needed to cut out an entry's exact source (rawXml), as the
 * chunks that were written to the parser. Offsets are UTF-16 positions in the whole page, the unit
 * sax counts in. Only the chunks from the oldest needed offset on are kept, so memory stays near
 * one entry plus one chunk however big the page is.
 */
export class SourceWindow {
  private readonly chunks: string[] = [];
  private readonly starts: number[] = [];
  private endOffset = 0;

  append(text: string): void {
    this.chunks.push(text);
    this.starts.push(this.endOffset);
    this.endOffset += text.length;
  }

  /** Offset just after the last appended character. */
  get end(): number {
    return this.endOffset;
  }

  /** Forgets whole chunks that end at or before `offset`. */
  discardBefore(offset: number): void {
    while (this.chunks.length > 1 && this.starts[0] + this.chunks[0].length <= offset) {
      this.chunks.shift();
      this.starts.shift();
    }
  }

  /** The page text in [from, to); both must lie within the kept chunks. */
  slice(from: number, to: number): string {
    let index = 0;
    while (index < this.chunks.length - 1 && this.starts[index + 1] <= from) index += 1;
    if (from < this.starts[index]) throw new RangeError(`offset ${from} is no longer kept`);
    const first = this.chunks[index];
    const localFrom = from - this.starts[index];
    if (to - this.starts[index] <= first.length) return first.slice(localFrom, to - this.starts[index]);
    const parts = [first.slice(localFrom)];
    for (index += 1; index < this.chunks.length && this.starts[index] < to; index += 1) {
      parts.push(this.chunks[index].slice(0, to - this.starts[index]));
    }
    return parts.join('');
  }
}
