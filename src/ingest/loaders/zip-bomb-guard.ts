import zlib from "node:zlib";

/** All parts of a Word file together, unpacked: far above any real document with its pictures. */
export const MAX_UNPACKED_BYTES = 200 * 1024 * 1024;
/**
 * One text part (word/document.xml and the like), unpacked: well over a thousand pages of text. The Word
 * reader holds about a hundred times a part's size in memory (measured: 10 MB of text took 1 GB, 39 MB took
 * 2.9 GB and 26 s), so a larger part could take the whole assistant down while it reads.
 */
export const MAX_UNPACKED_XML_BYTES = 16 * 1024 * 1024;

/**
 * Why a zip (a .docx) must not be unpacked, or undefined when it may: a small file that unpacks to
 * hundreds of megabytes (a zip bomb) would use up the memory of the whole assistant. Each part is
 * really inflated with a cap on its output (zlib's maxOutputLength), so sizes the zip merely claims
 * count for nothing. A file that is no zip at all is left to the reader, which names that.
 */
export function zipBombProblem(bytes: Buffer): string | undefined {
  const directory = centralDirectory(bytes);
  if (!directory) return undefined;
  let total = 0;
  let offset = directory.offset;
  for (let i = 0; i < directory.entries; i++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== 0x02014b50) return undefined;
    const method = bytes.readUInt16LE(offset + 10);
    const compressedSize = bytes.readUInt32LE(offset + 20);
    const nameLength = bytes.readUInt16LE(offset + 28);
    const extraLength = bytes.readUInt16LE(offset + 30);
    const commentLength = bytes.readUInt16LE(offset + 32);
    const localHeader = bytes.readUInt32LE(offset + 42);
    const name = bytes.toString("utf8", offset + 46, offset + 46 + nameLength);
    offset += 46 + nameLength + extraLength + commentLength;
    if (localHeader + 30 > bytes.length || bytes.readUInt32LE(localHeader) !== 0x04034b50) return undefined;
    const start = localHeader + 30 + bytes.readUInt16LE(localHeader + 26) + bytes.readUInt16LE(localHeader + 28);
    const data = bytes.subarray(start, start + compressedSize);
    const cap = Math.min(MAX_UNPACKED_BYTES - total, /\.(xml|rels)$/i.test(name) ? MAX_UNPACKED_XML_BYTES : Infinity);
    const unpacked = method === 0 ? data.length : method === 8 ? inflatedLength(data, cap) : 0;
    if (unpacked === undefined || unpacked > cap) return tooLarge();
    total += unpacked;
  }
  return undefined;
}

function tooLarge(): string {
  return `uitgepakt veel te groot (meer dan ${MAX_UNPACKED_BYTES / 1024 / 1024} MB, of meer dan ${MAX_UNPACKED_XML_BYTES / 1024 / 1024} MB tekst in één deel): zo'n bestand lees ik niet in`;
}

/** The inflated size of one part, or undefined when it is more than `cap`; a broken stream counts as 0 (the reader reports it). */
function inflatedLength(data: Buffer, cap: number): number | undefined {
  if (cap <= 0) return undefined;
  try {
    return zlib.inflateRawSync(data, { maxOutputLength: cap }).length;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" ? undefined : 0;
  }
}

/** Where the zip's central directory starts and how many entries it has (from its end record), if it is a zip. */
function centralDirectory(bytes: Buffer): { offset: number; entries: number } | undefined {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 65_535); at--) {
    if (bytes.readUInt32LE(at) === 0x06054b50) return { entries: bytes.readUInt16LE(at + 10), offset: bytes.readUInt32LE(at + 16) };
  }
  return undefined;
}
