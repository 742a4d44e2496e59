// The Rego authoring requests (formatting, hover, definition, references, symbols, folding,
// completion) for the session: turns LSP params into the document's parse and its folder tree's
// files, and calls the feature modules. Holds no state beyond the shared RegoWorkspace.
import type {
  CompletionItem,
  CompletionParams,
  DefinitionParams,
  DocumentFormattingParams,
  DocumentRangeFormattingParams,
  DocumentSymbol,
  DocumentSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  Location,
  ReferenceParams,
  TextEdit,
} from 'vscode-languageserver';
import { LineIndex } from './line-index';
import { dirOf, fileKind, isInside, uriToPath } from './paths';
import { completionsAt } from './rego-completion';
import { formatRegoDocument, formatRegoRange } from './rego-format';
import { definitionAt, hoverAt, referencesAt, type RegoScope } from './rego-navigation';
import { documentSymbols, foldingRanges } from './rego-symbols';
import type { ParsedFile, RegoWorkspace } from './rego-workspace';

export interface RegoFeatureHost {
  workspace: RegoWorkspace;
  /** Text of an open buffer or file on disk. */
  textOf(path: string): string | undefined;
  /** Workspace folder holding a path, if any. */
  rootOf(path: string): string | undefined;
  openPaths(): Iterable<string>;
}

export class RegoFeatures {
  /** Per document, its last parse that produced a module: completion reads names from it while typing breaks the parse. */
  private readonly lastGood = new Map<string, ParsedFile>();

  constructor(private readonly host: RegoFeatureHost) {}

  /** True when the request is for a .rego document this class answers. */
  handles(uri: string): boolean {
    const path = uriToPath(uri);
    return path !== undefined && fileKind(path) === 'rego';
  }

  formatting(params: DocumentFormattingParams): TextEdit[] {
    const text = this.text(params.textDocument.uri);
    return text === undefined ? [] : formatRegoDocument(text);
  }

  rangeFormatting(params: DocumentRangeFormattingParams): TextEdit[] {
    const text = this.text(params.textDocument.uri);
    return text === undefined ? [] : formatRegoRange(text, params.range);
  }

  hover(params: HoverParams): Hover | null {
    const at = this.scopeAt(params.textDocument.uri, params.position);
    return at ? hoverAt(at.scope, at.offset) : null;
  }

  definition(params: DefinitionParams): Location[] {
    const at = this.scopeAt(params.textDocument.uri, params.position);
    return at ? definitionAt(at.scope, at.offset) : [];
  }

  references(params: ReferenceParams): Location[] {
    const at = this.scopeAt(params.textDocument.uri, params.position);
    return at ? referencesAt(at.scope, at.offset, params.context.includeDeclaration) : [];
  }

  documentSymbols(params: DocumentSymbolParams): DocumentSymbol[] {
    const doc = this.parsed(params.textDocument.uri);
    return doc ? documentSymbols(doc.module, doc.text) : [];
  }

  foldingRanges(params: FoldingRangeParams): FoldingRange[] {
    const doc = this.parsed(params.textDocument.uri);
    return doc ? foldingRanges(doc.module, doc.text) : [];
  }

  completion(params: CompletionParams): CompletionItem[] {
    const at = this.scopeAt(params.textDocument.uri, params.position);
    if (!at) return [];
    const path = at.scope.doc.path;
    return completionsAt({ ...at.scope, lastGood: this.lastGood.get(path) }, at.scope.doc.text, at.offset);
  }

  closed(path: string): void {
    this.lastGood.delete(path);
  }

  private text(uri: string): string | undefined {
    const path = uriToPath(uri);
    return path && fileKind(path) === 'rego' ? this.host.textOf(path) : undefined;
  }

  private parsed(uri: string): ParsedFile | undefined {
    const path = uriToPath(uri);
    const text = path && fileKind(path) === 'rego' ? this.host.textOf(path) : undefined;
    if (!path || text === undefined) return undefined;
    const parsed = this.host.workspace.parse(path, text);
    if (parsed.module) this.lastGood.set(path, parsed);
    return parsed;
  }

  private scopeAt(uri: string, position: { line: number; character: number }): { scope: RegoScope; offset: number } | undefined {
    const doc = this.parsed(uri);
    if (!doc) return undefined;
    const offset = new LineIndex(doc.text).offsetAt(position);
    const folder = this.host.rootOf(doc.path);
    const root = folder && isInside(doc.path, folder) ? folder : dirOf(doc.path);
    const files = this.host.workspace.parsedUnder(root, this.host.openPaths()).filter((f) => f.path !== doc.path);
    files.push(doc);
    return { scope: { doc, files }, offset };
  }
}
