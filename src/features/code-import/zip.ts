/**
 * Looking inside a zip file (a .docx is one) without unpacking it: the names of its entries and
 * how big they say they are once unpacked, read from the zip's central directory. Enough to tell
 * a Word document from a spreadsheet, a truncated download from a whole file, and to refuse a
 * file that would unpack to far more than any code of conduct before anything unpacks it.
 */

export type ZipContents =
  | { ok: true; names: string[]; unpackedBytes: number }
  | { ok: false; problem: 'not-a-zip' | 'damaged' | 'too-large' };

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_DIRECTORY = 0x06054b50;
/** ZIP64 marks sizes it keeps elsewhere with this; no .docx of a code needs ZIP64. */
const ZIP64_MARK = 0xffffffff;

export function startsLikeZip(bytes: Uint8Array): boolean {
  return (
    bytes.length >= 4 &&
    bytes[0] === 0x50 &&
    bytes[1] === 0x4b &&
    bytes[2] === 0x03 &&
    bytes[3] === 0x04
  );
}

export function readZipDirectory(bytes: Uint8Array, maxUnpackedBytes: number): ZipContents {
  if (!startsLikeZip(bytes)) return { ok: false, problem: 'not-a-zip' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);

  // The end-of-directory record is the last 22 bytes, plus a comment of up to 65,535 bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at -= 1) {
    if (u32(at) === END_OF_DIRECTORY && at + 22 + u16(at + 20) === bytes.length) {
      end = at;
      break;
    }
  }
  if (end < 0) return { ok: false, problem: 'damaged' };
  const entries = u16(end + 10);
  const directorySize = u32(end + 12);
  const directoryStart = u32(end + 16);
  if (directoryStart === ZIP64_MARK || entries === 0xffff)
    return { ok: false, problem: 'too-large' };
  if (directoryStart + directorySize > end) return { ok: false, problem: 'damaged' };

  const names: string[] = [];
  let unpackedBytes = 0;
  let at = directoryStart;
  for (let i = 0; i < entries; i += 1) {
    if (u32(at) !== CENTRAL_HEADER) return { ok: false, problem: 'damaged' };
    const unpacked = u32(at + 24);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    const localHeader = u32(at + 42);
    if (unpacked === ZIP64_MARK) return { ok: false, problem: 'too-large' };
    if (localHeader < 0 || localHeader >= directoryStart || u32(localHeader) !== LOCAL_HEADER) {
      return { ok: false, problem: 'damaged' };
    }
    const nameEnd = at + 46 + nameLength;
    if (nameEnd > end) return { ok: false, problem: 'damaged' };
    names.push(new TextDecoder().decode(bytes.subarray(at + 46, nameEnd)));
    unpackedBytes += unpacked;
    if (unpackedBytes > maxUnpackedBytes) return { ok: false, problem: 'too-large' };
    at = nameEnd + extraLength + commentLength;
  }
  return { ok: true, names, unpackedBytes };
}
