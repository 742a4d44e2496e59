// The FileHost the language server hands to front ends: open editor buffers overlaid on disk.
// Disk reads are cached while the client reports file changes (workspace/didChangeWatchedFiles);
// without such reports every read goes to disk so nothing stale is ever analysed.
import type { FileHost } from '../iac/model';
import { baseName, dirOf } from './paths';

/** Where the overlay finds the text of open buffers (by absolute path). */
export interface BufferSource {
  textOf(path: string): string | undefined;
  /** Absolute paths of every open buffer backed by a file path. */
  openPaths(): Iterable<string>;
}

const MISSING = Symbol('missing');

export class OverlayHost implements FileHost {
  private readonly fileCache = new Map<string, string | typeof MISSING>();
  private readonly dirCache = new Map<string, string[] | typeof MISSING>();
  /** Set when the client reports disk changes; until then disk reads are not cached. */
  cacheDisk = false;

  constructor(
    private readonly disk: FileHost,
    private readonly buffers: BufferSource,
  ) {}

  readFile(path: string): string | undefined {
    const open = this.buffers.textOf(path);
    if (open !== undefined) return open;
    return this.readDisk(path);
  }

  /** The file's content on disk, ignoring any open buffer. */
  readDisk(path: string): string | undefined {
    if (this.cacheDisk) {
      const hit = this.fileCache.get(path);
      if (hit !== undefined) return hit === MISSING ? undefined : hit;
    }
    const text = safe(() => this.disk.readFile(path));
    if (this.cacheDisk) this.fileCache.set(path, text ?? MISSING);
    return text;
  }

  listDir(path: string): string[] | undefined {
    let entries: string[] | undefined;
    const hit = this.cacheDisk ? this.dirCache.get(path) : undefined;
    if (hit !== undefined) entries = hit === MISSING ? undefined : hit;
    else {
      entries = safe(() => this.disk.listDir(path));
      if (this.cacheDisk) this.dirCache.set(path, entries ? [...entries] : MISSING);
    }
    // Buffers that exist only in the editor still belong to their directory.
    let merged: string[] | undefined = entries ? [...entries] : undefined;
    for (const open of this.buffers.openPaths()) {
      if (dirOf(open) !== path) continue;
      const name = baseName(open);
      if (!merged) merged = [];
      if (!merged.includes(name)) merged.push(name);
    }
    return merged;
  }

  existsOnDisk(path: string): boolean {
    return this.readDisk(path) !== undefined;
  }

  /** Forget what is cached about one path (its content and its directory's listing). */
  invalidate(path: string): void {
    this.fileCache.delete(path);
    this.dirCache.delete(dirOf(path));
    this.dirCache.delete(path);
  }

  invalidateAll(): void {
    this.fileCache.clear();
    this.dirCache.clear();
  }
}

/** A host must not throw, but one that does must not take the server down with it. */
function safe<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
