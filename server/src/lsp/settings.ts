// Settings pulled per resource through workspace/configuration, cached per workspace folder,
// cleared on didChangeConfiguration. Clients without the configuration capability get the
// settings pushed in didChangeConfiguration, or the defaults. Settings never live in globals.
import { DEFAULT_SETTINGS, toSettings, type PalisadeSettings } from '../shared/settings';
import type { Logger } from './guard';
import { errorText } from './guard';

/** Asks the client for the `palisade` section as seen from `scopeUri`. */
export type ConfigurationPull = (scopeUri: string) => Promise<unknown>;

export class SettingsStore {
  private readonly cache = new Map<string, Promise<PalisadeSettings>>();
  private pushed: PalisadeSettings | undefined;

  constructor(
    /** Undefined when the client cannot answer workspace/configuration. */
    private readonly pull: ConfigurationPull | undefined,
    private readonly log: Logger,
  ) {}

  /** Settings for a folder (`folderKey`), pulled once with `scopeUri` and then cached. */
  get(folderKey: string, scopeUri: string): Promise<PalisadeSettings> {
    if (!this.pull) return Promise.resolve(this.pushed ?? DEFAULT_SETTINGS);
    let entry = this.cache.get(folderKey);
    if (!entry) {
      entry = this.pull(scopeUri).then(toSettings, (err) => {
        this.log.error(`palisade: could not read settings for ${scopeUri}: ${errorText(err)}`);
        this.cache.delete(folderKey);
        return DEFAULT_SETTINGS;
      });
      this.cache.set(folderKey, entry);
    }
    return entry;
  }

  /** didChangeConfiguration: forget pulled settings; keep pushed ones for clients that push. */
  changed(pushedSection: unknown): void {
    this.cache.clear();
    if (!this.pull && pushedSection !== undefined && pushedSection !== null) this.pushed = toSettings(pushedSection);
  }
}
