/**
 * CRC-32C (Castagnoli), the checksum of Kafka's record batches, computed eight bytes at a time
 * ("slicing-by-8"). kafkajs computes it a byte at a time, which on a router's output was a tenth of
 * its produce encoding; Node has no built-in CRC-32C (zlib's crc32 is the other polynomial).
 */
const POLYNOMIAL = 0x82f63b78; // reflected 0x1EDC6F41

/** TABLES[k][b]: the CRC of byte b followed by k zero bytes. */
const TABLES: Int32Array[] = buildTables();

function buildTables(): Int32Array[] {
  const tables = Array.from({ length: 8 }, () => new Int32Array(256));
  const first = tables[0];
  for (let byte = 0; byte < 256; byte++) {
    let crc = byte;
    for (let bit = 0; bit < 8; bit++) crc = crc & 1 ? (crc >>> 1) ^ POLYNOMIAL : crc >>> 1;
    first[byte] = crc;
  }
  for (let k = 1; k < 8; k++) {
    const previous = tables[k - 1];
    const table = tables[k];
    for (let byte = 0; byte < 256; byte++) {
      const crc = previous[byte];
      table[byte] = (crc >>> 8) ^ (first[crc & 0xff]);
    }
  }
  return tables;
}

/** The CRC-32C of `bytes`, as an unsigned 32-bit number. */
export function crc32c(bytes: Uint8Array): number {
  const [t0, t1, t2, t3, t4, t5, t6, t7] = TABLES;
  let crc = -1;
  let at = 0;
  const whole = bytes.length - (bytes.length % 8);
  while (at < whole) {
    const low = crc ^ (bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24));
    crc =
      t7[low & 0xff] ^
      t6[(low >>> 8) & 0xff] ^
      t5[(low >>> 16) & 0xff] ^
      t4[low >>> 24] ^
      t3[bytes[at + 4]] ^
      t2[bytes[at + 5]] ^
      t1[bytes[at + 6]] ^
      t0[bytes[at + 7]];
    at += 8;
  }
  while (at < bytes.length) crc = t0[(crc ^ bytes[at++]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}
