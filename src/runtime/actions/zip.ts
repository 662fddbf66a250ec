/**
 * Bounded extraction of an artifact's zip. `@actions/artifact` extracts as it downloads
 * (unzip-stream), writing whatever the archive inflates to: a 64 KiB zip of zeros becomes 64 MiB
 * on disk, and a few more make a runner's disk full. So the store downloads the zip as it is
 * (`skipDecompress`) and extracts it here, where every limit is checked before a byte is written:
 *
 * - the zip itself is at most {@link MAX_ARTIFACT_BYTES} (plus room for headers);
 * - at most {@link MAX_ARTIFACT_ENTRIES} entries;
 * - the sizes the central directory declares add up to at most {@link MAX_ARTIFACT_BYTES};
 * - each entry inflates to exactly its declared size (inflating stops one byte past it, so an
 *   entry that lies about its size is caught without inflating the rest), with its CRC-32;
 * - every entry is a file or directory under the destination: no absolute path, no `..`, no
 *   symbolic link, no encrypted or zip64 entry (the archives `@actions/artifact` writes have none).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, normalize, relative, sep } from 'node:path';
import { ArtifactRefusedError } from '../../artifacts/store.ts';

/** `node:zlib`, loaded at the first extraction: an action loads this module before its checks. */
const zlib = () => process.getBuiltinModule('node:zlib');

/**
 * Most bytes one artifact may unpack to: 32 times the default `limits.max-patch-bytes`. An
 * artifact holds one stage's documents, patches and transcripts (tool results are cut at 4,000
 * characters each), a few megabytes at most; publish refuses a patch over `max-patch-bytes` anyway.
 */
export const MAX_ARTIFACT_BYTES = 32 * 1024 * 1024;

/** Most entries one artifact may hold: a stage writes a handful of files, a fix round a few dozen. */
export const MAX_ARTIFACT_ENTRIES = 1_000;

export interface ZipLimits {
  maxBytes: number;
  maxEntries: number;
}

export const ARTIFACT_LIMITS: ZipLimits = { maxBytes: MAX_ARTIFACT_BYTES, maxEntries: MAX_ARTIFACT_ENTRIES };

/** The largest zip worth reading for `limits`: its contents stored, plus headers for every entry. */
export function maxZipBytes(limits: ZipLimits): number {
  return limits.maxBytes + limits.maxEntries * 1024 + 65_536;
}

interface Entry {
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  mode: number;
}

const S_IFMT = 0o170000;
const S_IFREG = 0o100000;
const S_IFDIR = 0o040000;

function megabytes(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB`;
}

/** The central directory's entries, with every limit that can be checked without inflating. */
function readDirectory(zip: Buffer, artifact: string, limits: ZipLimits): Entry[] {
  const refuse = (why: string) => new ArtifactRefusedError(artifact, why);
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw refuse('the download is not a zip archive (no end-of-central-directory record)');
  const count = zip.readUInt16LE(end + 10);
  const directorySize = zip.readUInt32LE(end + 12);
  let offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff || (end >= 20 && zip.readUInt32LE(end - 20) === 0x07064b50)) {
    throw refuse('it is a zip64 archive, which ensemble never uploads');
  }
  if (count > limits.maxEntries) {
    throw refuse(`it holds ${count} entries, more than the limit of ${limits.maxEntries}`);
  }
  if (offset + directorySize > end) throw refuse('its zip is corrupt (the central directory overlaps its end)');

  const entries: Entry[] = [];
  let declared = 0;
  for (let n = 0; n < count; n++) {
    if (offset + 46 > end || zip.readUInt32LE(offset) !== 0x02014b50) {
      throw refuse(`its zip is corrupt (central directory entry ${n} is not where the directory says)`);
    }
    const nameLength = zip.readUInt16LE(offset + 28);
    const entry: Entry = {
      flags: zip.readUInt16LE(offset + 8),
      method: zip.readUInt16LE(offset + 10),
      crc: zip.readUInt32LE(offset + 16),
      compressedSize: zip.readUInt32LE(offset + 20),
      size: zip.readUInt32LE(offset + 24),
      localOffset: zip.readUInt32LE(offset + 42),
      mode: zip.readUInt32LE(offset + 38) >>> 16,
      name: zip.toString('utf8', offset + 46, offset + 46 + nameLength),
    };
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
    declared += entry.size;
    if (declared > limits.maxBytes) {
      throw refuse(
        `it would unpack to more than ${megabytes(limits.maxBytes)} (the limit on one artifact); ` +
          `its ${count} entries declare ${megabytes(declared)} or more`,
      );
    }
    entries.push(entry);
  }
  return entries;
}

/** `name` as a path under `destDir`, or the reason it may not be written. */
function destination(destDir: string, name: string): string | string[] {
  const clean = name.replace(/\/+$/, '');
  const normal = normalize(clean);
  if (clean === '' || clean.includes('\\') || clean.includes('\0') || isAbsolute(clean)) return [name];
  if (normal === '..' || normal.startsWith(`..${sep}`)) return [name];
  const path = join(destDir, normal);
  if (relative(destDir, path).startsWith('..')) return [name];
  return path;
}

/**
 * Extracts `zip` (the artifact `artifact`) into `destDir`, checking every limit first (module
 * comment); returns the files written, `/`-separated. Throws `ArtifactRefusedError`, naming the
 * artifact and the limit, before writing anything when the directory breaks a limit, and stops at
 * the first entry that inflates to more than it declared.
 */
export function extractZip(zip: Buffer, destDir: string, artifact: string, limits: ZipLimits = ARTIFACT_LIMITS) {
  const refuse = (why: string) => new ArtifactRefusedError(artifact, why);
  if (zip.length > maxZipBytes(limits)) {
    throw refuse(`its zip is ${megabytes(zip.length)}, more than the limit of ${megabytes(limits.maxBytes)}`);
  }
  const entries = readDirectory(zip, artifact, limits);
  const planned: { entry: Entry; path: string; directory: boolean }[] = [];
  for (const entry of entries) {
    const path = destination(destDir, entry.name);
    if (typeof path !== 'string') throw refuse(`its entry ${JSON.stringify(entry.name)} is not a path inside it`);
    const type = entry.mode & S_IFMT;
    const directory = entry.name.endsWith('/') || type === S_IFDIR;
    if (type !== 0 && type !== S_IFREG && type !== S_IFDIR) {
      throw refuse(`its entry ${JSON.stringify(entry.name)} is not a regular file (a symbolic link or device)`);
    }
    if (entry.flags & 0x1) throw refuse(`its entry ${JSON.stringify(entry.name)} is encrypted`);
    if (!directory && entry.method !== 0 && entry.method !== 8) {
      throw refuse(`its entry ${JSON.stringify(entry.name)} uses compression method ${entry.method}`);
    }
    planned.push({ entry, path, directory });
  }

  mkdirSync(destDir, { recursive: true });
  const files: string[] = [];
  for (const { entry, path, directory } of planned) {
    if (directory) {
      mkdirSync(path, { recursive: true });
      continue;
    }
    const local = entry.localOffset;
    if (local + 30 > zip.length || zip.readUInt32LE(local) !== 0x04034b50) {
      throw refuse(`its zip is corrupt (the local header of ${JSON.stringify(entry.name)} is missing)`);
    }
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    if (start + entry.compressedSize > zip.length) {
      throw refuse(`its zip is corrupt (${JSON.stringify(entry.name)} runs past its end)`);
    }
    const data = zip.subarray(start, start + entry.compressedSize);
    let contents: Buffer;
    if (entry.method === 0) contents = data;
    else {
      try {
        // One byte past the declared size is enough to know that the entry lied about it.
        contents = zlib().inflateRawSync(data, { maxOutputLength: entry.size + 1 });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ERR_BUFFER_TOO_LARGE') {
          throw refuse(`its entry ${JSON.stringify(entry.name)} does not inflate: ${(error as Error).message}`);
        }
        contents = Buffer.alloc(entry.size + 1);
      }
    }
    if (contents.length > entry.size) {
      throw refuse(
        `its entry ${JSON.stringify(entry.name)} inflates to more than the ${entry.size} bytes it declares ` +
          '(a zip bomb, or a corrupt zip)',
      );
    }
    if (contents.length < entry.size) {
      throw refuse(`its entry ${JSON.stringify(entry.name)} is shorter than it declares (a corrupt zip)`);
    }
    if (zlib().crc32(contents) >>> 0 !== entry.crc) {
      throw refuse(`its entry ${JSON.stringify(entry.name)} does not match its CRC-32 (a corrupt zip)`);
    }
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, contents);
    files.push(relative(destDir, path).split(sep).join('/'));
  }
  return files;
}
