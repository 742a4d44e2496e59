// A FileHost over the local disk, for surfaces (CLI, language server). Editor buffers can be
// laid over it with `overlay`, so open files win over their saved contents.
import { closeSync, constants, fstatSync, openSync, readdirSync, readFileSync } from 'node:fs';
import type { FileHost } from '../iac/model';

export class DiskHost implements FileHost {
  private readonly overlays = new Map<string, string>();
  private readonly reads = new Map<string, string | undefined>();
  private readonly listings = new Map<string, string[] | undefined>();

  /**
   * `snapshot`: remember every read for the life of this host. Right for one CLI run over many
   * units (files do not change under it); wrong for a long-lived server, which must see edits.
   */
  constructor(private readonly options: { snapshot?: boolean } = {}) {}

  /** Serve `text` for `path` instead of the disk contents (an unsaved editor buffer). */
  overlay(path: string, text: string | undefined): void {
    if (text === undefined) this.overlays.delete(path);
    else this.overlays.set(path, text);
  }

  readFile(path: string): string | undefined {
    const open = this.overlays.get(path);
    if (open !== undefined) return open;
    if (this.options.snapshot && this.reads.has(path)) return this.reads.get(path);
    let text: string | undefined;
    try {
      text = readRegularFile(toNative(path));
    } catch {
      text = undefined;
    }
    if (this.options.snapshot) this.reads.set(path, text);
    return text;
  }

  listDir(path: string): string[] | undefined {
    if (this.options.snapshot && this.listings.has(path)) return this.listings.get(path)?.slice();
    const names = this.readDir(path);
    if (this.options.snapshot) this.listings.set(path, names?.slice());
    return names;
  }

  private readDir(path: string): string[] | undefined {
    try {
      // A file or a missing path throws (ENOTDIR, ENOENT): no separate stat needed.
      const names = readdirSync(toNative(path));
      // Overlaid files that are not yet on disk still belong to their directory.
      const prefix = path.endsWith('/') ? path : `${path}/`;
      for (const p of this.overlays.keys()) {
        if (p.startsWith(prefix) && !p.slice(prefix.length).includes('/')) {
          const name = p.slice(prefix.length);
          if (!names.includes(name)) names.push(name);
        }
      }
      return names;
    } catch {
      return undefined;
    }
  }
}

/**
 * The text of a regular file, else undefined. Paths come from the files being scanned
 * (`file("/dev/zero")`, a FIFO): a device or pipe is read until it ends, which may be never, so
 * only regular files are read. O_NONBLOCK keeps the open of a FIFO from waiting for a writer; it
 * changes nothing for a regular file. Open + fstat + read of the open file is what readFileSync
 * of a path does anyway: no extra system call per read.
 */
function readRegularFile(path: string): string | undefined {
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    return fstatSync(fd).isFile() ? readFileSync(fd, 'utf8') : undefined;
  } finally {
    closeSync(fd);
  }
}

/** Absolute `/`-separated form of a native path (`C:\\x` → `C:/x`). */
export function toHostPath(nativePath: string): string {
  return nativePath.replace(/\\/g, '/');
}

function toNative(path: string): string {
  return process.platform === 'win32' ? path.replace(/\//g, '\\') : path;
}
