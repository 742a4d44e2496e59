// Disk access for team rule packs (policy/packs reads through this), and the one loader the CLI
// and the language server share: the built-in pack plus the packs a configuration names.
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { DEFAULT_CONFIG, findConfigFile, loadPacks, parseConfig, parsePackSettings, type LoadedPacks, type PackDirEntry, type PackFile, type PackReader, type PackSettings, type PalisadeConfig, type PolicyDiagnostic } from '../policy';
import { builtinPackDir, readPackFiles } from './policy-files';
import { DiskHost } from './disk-host';

export class DiskPackReader implements PackReader {
  readFile(path: string): Uint8Array | undefined {
    try {
      // Refuses directories (EISDIR) and follows no special files.
      return readFileSync(toNative(path));
    } catch {
      return undefined;
    }
  }

  listDir(path: string): PackDirEntry[] | undefined {
    let names: string[];
    try {
      names = readdirSync(toNative(path));
    } catch {
      return undefined;
    }
    return names.map((name) => {
      try {
        const st = lstatSync(toNative(`${path.replace(/\/$/, '')}/${name}`));
        return { name, kind: st.isSymbolicLink() ? 'link' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other' };
      } catch {
        return { name, kind: 'other' as const };
      }
    });
  }
}

/** `palisade.packs` (the VS Code setting) in `.palisade.yaml`'s shape; paths relative to `root`. */
export function packSettingsFromSetting(raw: unknown, root: string): { settings: PackSettings; problems: string[] } {
  const problems: string[] = [];
  const { settings } = parsePackSettings(raw, root, (path, message) => problems.push(`palisade.packs${path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('')}: ${message}`));
  return { settings, problems };
}

/** The configuration file's packs and the setting's together: sources of both, keys of both (the file wins), built-in off if either says so. */
export function mergePackSettings(fromConfig: PackSettings, fromSetting?: PackSettings): PackSettings {
  if (!fromSetting) return fromConfig;
  const names = new Set(fromConfig.sources.map((s) => s.name));
  const extra = fromSetting.sources.map((s) => (names.has(s.name) ? { ...s, name: `${s.name}-setting` } : s));
  return {
    sources: [...fromConfig.sources, ...extra],
    builtin: fromConfig.builtin && fromSetting.builtin,
    requireSignature: fromConfig.requireSignature || fromSetting.requireSignature,
    keys: { ...fromSetting.keys, ...fromConfig.keys },
  };
}

/**
 * Loads packs for one effective pack configuration, caching by that configuration so units that
 * share a `.palisade.yaml` share one compiled pack. The built-in files are read once.
 */
export class PackLoader {
  private readonly cache = new Map<string, LoadedPacks>();
  private builtin: PackFile[] | undefined;
  private readonly reader = new DiskPackReader();

  /** `builtinFiles` replaces reading `builtinDir` (tests, the server's injected pack). */
  constructor(private readonly options: { builtinDir?: string; builtinFiles?: () => PackFile[] } = {}) {}

  load(settings: PackSettings, trusted: boolean): LoadedPacks {
    const key = JSON.stringify({ settings, trusted: trusted });
    const cached = this.cache.get(key);
    if (cached) return cached;
    const injected = this.options.builtinFiles;
    const dir = injected ? undefined : (this.options.builtinDir ?? builtinPackDir());
    const loaded = loadPacks(settings, this.reader, {
      trusted,
      builtinLocation: dir?.split('\\').join('/'),
      builtinFiles: () => (this.builtin ??= injected ? injected() : dir ? readPackFiles(dir) : []),
    });
    if (!injected && !dir && (settings.builtin || !trusted)) loaded.packs[0].diagnostics.push({ code: 'pack-missing', severity: 'error', message: 'the built-in rule pack (policies/) was not found next to the program' });
    // Bound the cache: a user editing `packs:` should not grow it without end.
    if (this.cache.size >= 8) this.cache.delete(this.cache.keys().next().value!);
    this.cache.set(key, loaded);
    return loaded;
  }

  /** For a unit's configuration (+ the editor setting); untrusted workspaces get the built-in pack only. */
  forConfig(config: PalisadeConfig, trusted: boolean, fromSetting?: PackSettings): LoadedPacks {
    return this.load(mergePackSettings(config.packSettings, fromSetting), trusted);
  }

  /** Drop compiled packs (pack files changed on disk). */
  clear(): void {
    this.cache.clear();
  }
}

/** Every pack's diagnostics, for logs and CLI output. */
export function packDiagnostics(loaded: LoadedPacks): PolicyDiagnostic[] {
  return loaded.packs.flatMap((p) => p.diagnostics);
}

function toNative(path: string): string {
  return process.platform === 'win32' ? path.replace(/\//g, '\\') : path;
}

/** Pack diagnostics with absolute file paths (folder and git packs), for reports outside the editor. */
export function absolutePackDiagnostics(loaded: LoadedPacks): PolicyDiagnostic[] {
  return loaded.packs.flatMap((p) =>
    p.diagnostics.map((d) => {
      if (d.file === undefined || p.kind === 'bundle' || p.location === '') return p.kind === 'bundle' && d.file ? { ...d, file: undefined, message: `${d.message} (${p.location}: ${d.file})` } : d;
      return { ...d, file: `${p.location.replace(/\/$/, '')}/${d.file}` };
    }),
  );
}

/** The config file a CLI run uses: `configFile`, else the nearest `.palisade.yaml` at or above `cwd`. */
export function readCliConfig(cwd: string, configFile?: string): { config: PalisadeConfig; configFile?: string; diagnostics: PolicyDiagnostic[] } {
  const host = new DiskHost();
  const file = configFile ?? findConfigFile(host, cwd);
  const text = file !== undefined ? host.readFile(file) : undefined;
  const parsed = file !== undefined && text !== undefined ? parseConfig(text, file) : undefined;
  return { config: parsed?.config ?? DEFAULT_CONFIG, configFile: file, diagnostics: parsed?.diagnostics ?? [] };
}

/** The packs a CLI run uses. A malformed config file leaves the built-in pack alone running, and says so. */
export function loadCliPacks(cwd: string, configFile?: string, loader = new PackLoader()): { loaded: LoadedPacks; config: PalisadeConfig; configFile?: string; diagnostics: PolicyDiagnostic[] } {
  const read = readCliConfig(cwd, configFile);
  return { ...read, loaded: loader.forConfig(read.config, true) };
}
