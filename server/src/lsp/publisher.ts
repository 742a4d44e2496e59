// Turns a unit's front-end diagnostics into textDocument/publishDiagnostics notifications.
// A file can be read by several units (a shared var file), so each file's diagnostics are kept per
// unit and published as their union. Files that no longer have problems are sent an empty list,
// and a notification identical to the last one sent for that file is skipped.
import { DiagnosticSeverity, type Diagnostic, type PublishDiagnosticsParams } from 'vscode-languageserver';
import type { FrontEndDiagnostic, Severity } from '../iac/model';
import { LineIndex } from './line-index';
import { pathToUri } from './paths';

/** Current text of a file and, when it is open, the editor's version of it. */
export interface TextLookup {
  textOf(path: string): string | undefined;
  versionOf(path: string): number | undefined;
}

const SEVERITIES: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export class DiagnosticsPublisher {
  /** file path → unit dir → diagnostics that unit found in the file. */
  private readonly byFile = new Map<string, Map<string, Diagnostic[]>>();
  /** unit dir → files it published for (so they can be cleared later). */
  private readonly byUnit = new Map<string, Set<string>>();
  private readonly lastSent = new Map<string, string>();
  private readonly lineIndexes = new Map<string, LineIndex>();

  constructor(
    private readonly send: (params: PublishDiagnosticsParams) => void,
    private readonly texts: TextLookup,
  ) {}

  /** Replaces everything `unit` reported; returns how many diagnostics it now has. */
  publishUnit(unit: string, files: Iterable<string>, diagnostics: FrontEndDiagnostic[]): number {
    const grouped = new Map<string, FrontEndDiagnostic[]>();
    for (const file of files) grouped.set(file, []);
    for (const d of diagnostics) {
      const list = grouped.get(d.file);
      if (list) list.push(d);
      else grouped.set(d.file, [d]);
    }
    const previous = this.byUnit.get(unit) ?? new Set<string>();
    const touched = new Set<string>([...previous, ...grouped.keys()]);
    for (const file of previous) if (!grouped.has(file)) this.byFile.get(file)?.delete(unit);
    for (const [file, list] of grouped) {
      const converted = this.convert(file, list);
      let perUnit = this.byFile.get(file);
      if (!perUnit) this.byFile.set(file, (perUnit = new Map()));
      perUnit.set(unit, converted);
    }
    this.byUnit.set(unit, new Set(grouped.keys()));
    for (const file of touched) this.flush(file);
    return diagnostics.length;
  }

  /** Removes a unit's diagnostics everywhere (the unit went away). */
  clearUnit(unit: string): void {
    const files = this.byUnit.get(unit);
    if (!files) return;
    this.byUnit.delete(unit);
    for (const file of files) {
      this.byFile.get(file)?.delete(unit);
      this.flush(file);
    }
  }

  /** Sends the file's current union again, e.g. after its editor version changed. */
  flush(file: string): void {
    const perUnit = this.byFile.get(file);
    const all: Diagnostic[] = [];
    // Units sharing a file (a var file, a parent .palisade.yaml) may report the same problem: once is enough.
    const seen = new Set<string>();
    if (perUnit) {
      for (const list of perUnit.values()) {
        for (const d of list) {
          const key = JSON.stringify(d);
          if (!seen.has(key)) all.push(d);
          seen.add(key);
        }
      }
    }
    if (perUnit && perUnit.size === 0) this.byFile.delete(file);
    const uri = pathToUri(file);
    const version = this.texts.versionOf(file);
    const key = `${version ?? ''}|${JSON.stringify(all)}`;
    if (this.lastSent.get(uri) === key) return;
    if (all.length === 0 && version === undefined) {
      // A closed file with nothing to report needs a notification only to clear what it showed.
      if (!this.lastSent.has(uri)) return;
      this.lastSent.delete(uri);
    } else this.lastSent.set(uri, key);
    this.send(version === undefined ? { uri, diagnostics: all } : { uri, version, diagnostics: all });
  }

  /** Files that currently have diagnostics from any unit. */
  filesWithDiagnostics(): string[] {
    return [...this.byFile.entries()].filter(([, m]) => [...m.values()].some((l) => l.length > 0)).map(([f]) => f);
  }

  private convert(file: string, list: FrontEndDiagnostic[]): Diagnostic[] {
    if (list.length === 0) return [];
    const index = this.lineIndexFor(file);
    const sorted = [...list].sort((a, b) => a.start - b.start || a.end - b.end);
    return sorted.map((d) => ({
      range: index.rangeOf(d.start, d.end),
      severity: SEVERITIES[d.severity] ?? DiagnosticSeverity.Error,
      code: d.code,
      // Rule findings (lsp/policy-support.ts) link to their docs and carry their key for code actions.
      ...((d as { href?: string }).href ? { codeDescription: { href: (d as { href?: string }).href! } } : {}),
      ...((d as { data?: unknown }).data !== undefined ? { data: (d as { data?: unknown }).data } : {}),
      source: 'palisade',
      message: d.message,
    }));
  }

  private lineIndexFor(file: string): LineIndex {
    const text = this.texts.textOf(file) ?? '';
    const cached = this.lineIndexes.get(file);
    if (cached && cached.text === text) return cached;
    const index = new LineIndex(text);
    this.lineIndexes.set(file, index);
    return index;
  }

  /** Drops cached line indexes of files no unit reports on (memory hygiene after closes). */
  forgetText(file: string): void {
    this.lineIndexes.delete(file);
  }
}
