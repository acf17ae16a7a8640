/**
 * Raw bytes of scanned pages, kept for the read pass up to a byte budget. Each page is taken at
 * most once; a page that does not fit is simply fetched again when read.
 */
export class PageCache {
  private readonly pages = new Map<number, Buffer>();
  private usedBytes = 0;

  constructor(private readonly budgetBytes: number) {}

  /** True while a page of `bytes` more would still fit. */
  fits(bytes: number): boolean {
    return this.usedBytes + bytes <= this.budgetBytes;
  }

  put(key: number, chunks: Buffer[], bytes: number): boolean {
    if (!this.fits(bytes)) return false;
    this.pages.set(key, Buffer.concat(chunks, bytes));
    this.usedBytes += bytes;
    return true;
  }

  take(key: number): Buffer | undefined {
    const page = this.pages.get(key);
    if (page === undefined) return undefined;
    this.pages.delete(key);
    this.usedBytes -= page.length;
    return page;
  }

  clear(): void {
    this.pages.clear();
    this.usedBytes = 0;
  }
}
