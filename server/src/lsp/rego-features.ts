// The Rego authoring requests (formatting, hover, definition, references, symbols, folding,
// completion, rename, workspace symbols, semantic tokens, signature help, document links) for the session: turns LSP params into the document's parse and its folder tree's
// files, and calls the feature modules. Holds no state beyond the shared RegoWorkspace.
import type {
  CompletionItem,
  CompletionParams,
  DefinitionParams,
  DocumentFormattingParams,
  DocumentRangeFormattingParams,
  DocumentSymbol,
  DocumentSymbolParams,
  DocumentLink,
  DocumentLinkParams,
  PrepareRenameParams,
  Range,
  RenameParams,
  SemanticTokens,
  SemanticTokensParams,
  SemanticTokensRangeParams,
  SignatureHelp,
  SignatureHelpParams,
  WorkspaceSymbol,
  WorkspaceSymbolParams,
  FoldingRange,
  FoldingRangeParams,
  Hover,
  HoverParams,
  Location,
  ReferenceParams,
  TextEdit,
} from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import { LineIndex } from './line-index';
import { dirOf, fileKind, isInside, uriToPath } from './paths';
import type { IacModelSummary } from './iac-model-summary';
import { completionsAt } from './rego-completion';
import { inputFieldHover } from './rego-input-completion';
import { documentLinks } from './rego-links';
import { prepareRenameAt, renameAt, type RenameResult } from './rego-rename';
import { inheritedSchemaDecls, parseSchema, resolveSchemaFile, schemaDecls, type JsonSchema } from './rego-schemas';
import { encodeTokens, moduleTokens } from './rego-semantic-tokens';
import { signatureHelpAt } from './rego-signature-help';
import { workspaceSymbols } from './rego-workspace-symbols';
import { formatRegoDocument, formatRegoRange } from './rego-format';
import { definitionAt, definitions, hoverAt, referencesAt, type RegoScope } from './rego-navigation';
import { documentSymbols, foldingRanges } from './rego-symbols';
import type { ParsedFile, RegoWorkspace } from './rego-workspace';

export interface RegoFeatureHost {
  workspace: RegoWorkspace;
  /** Text of an open buffer or file on disk. */
  textOf(path: string): string | undefined;
  /** Workspace folder holding a path, if any. */
  rootOf(path: string): string | undefined;
  openPaths(): Iterable<string>;
  /** The workspace folders (workspace symbols search them all). */
  roots?(): readonly string[];
  /** Resource types and attributes of the Terraform units analysed so far (schema-aware completion). */
  iac?: IacModelSummary;
}

export class RegoFeatures {
  /** Per document, its last parse that produced a module: completion reads names from it while typing breaks the parse. */
  private readonly lastGood = new Map<string, ParsedFile>();

  constructor(readonly host: RegoFeatureHost) {}

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
    if (!at) return null;
    const hover = hoverAt(at.scope, at.offset);
    if (hover) return hover;
    // A field of an input path: its schema description, or the kinds seen in the Terraform models.
    const doc = at.scope.doc;
    const field = inputFieldHover(doc.text, at.offset, { iac: this.host.iac, schemas: this.inputSchemas(doc.module ? doc : (this.lastGood.get(doc.path) ?? doc), at.offset, at.scope.files) });
    if (!field) return null;
    const index = new LineIndex(doc.text);
    return { contents: { kind: MarkupKind.Markdown, value: field.markdown }, range: index.rangeOf(field.start, field.end) };
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
    const lastGood = this.lastGood.get(path);
    const schemas = this.inputSchemas(at.scope.doc.module ? at.scope.doc : (lastGood ?? at.scope.doc), at.offset, at.scope.files);
    return completionsAt({ ...at.scope, lastGood, iac: this.host.iac, schemas }, at.scope.doc.text, at.offset);
  }

  prepareRename(params: PrepareRenameParams): { range: Range; placeholder: string } | null {
    const at = this.scopeAt(params.textDocument.uri, params.position);
    return at ? prepareRenameAt(at.scope, at.offset) : null;
  }

  rename(params: RenameParams): RenameResult {
    const at = this.scopeAt(params.textDocument.uri, params.position);
    return at ? renameAt(at.scope, at.offset, params.newName) : { error: 'Not a Rego document.' };
  }

  signatureHelp(params: SignatureHelpParams): SignatureHelp | null {
    const at = this.scopeAt(params.textDocument.uri, params.position);
    return at ? signatureHelpAt(at.scope, at.offset) : null;
  }

  documentLinks(params: DocumentLinkParams): DocumentLink[] {
    const at = this.scopeAt(params.textDocument.uri, { line: 0, character: 0 });
    if (!at) return [];
    return documentLinks(at.scope.doc, at.scope.files, this.host.rootOf(at.scope.doc.path), (p) => this.host.textOf(p) !== undefined);
  }

  semanticTokens(params: SemanticTokensParams | SemanticTokensRangeParams): SemanticTokens {
    const at = this.scopeAt(params.textDocument.uri, { line: 0, character: 0 });
    if (!at) return { data: [] };
    const doc = at.scope.doc;
    // Rules of the package defined in other files are rule references too, not locals.
    const packageRules = new Set<string>();
    for (const d of definitions(at.scope.files)) if (d.file.pkg === doc.pkg) packageRules.add(d.path.slice(doc.pkg.length + 1).split('.')[0]);
    const tokens = moduleTokens(doc.module, doc.text, packageRules);
    if (!('range' in params)) return encodeTokens(tokens, doc.text);
    const index = new LineIndex(doc.text);
    return encodeTokens(tokens, doc.text, { start: index.offsetAt(params.range.start), end: index.offsetAt(params.range.end) });
  }

  /** Packages, rules and functions of every workspace folder's .rego files matching the query. */
  workspaceSymbols(params: WorkspaceSymbolParams): WorkspaceSymbol[] {
    const roots = new Set(this.host.roots?.() ?? []);
    for (const open of this.host.openPaths()) if (fileKind(open) === 'rego') roots.add(this.host.rootOf(open) ?? dirOf(open));
    const files = new Map<string, ParsedFile>();
    for (const root of roots) for (const f of this.host.workspace.parsedUnder(root, this.host.openPaths())) files.set(f.path, f);
    return workspaceSymbols([...files.values()], params.query);
  }

  closed(path: string): void {
    this.lastGood.delete(path);
  }

  /**
   * The JSON Schemas declared for `input` paths at `offset`: the document's own METADATA (rule,
   * then package), then package/subpackages annotations of other files; unreadable ones left out.
   */
  private inputSchemas(doc: ParsedFile, offset: number, files: ParsedFile[]): { target: string; schema: JsonSchema }[] {
    const out: { target: string; schema: JsonSchema }[] = [];
    const root = this.host.rootOf(doc.path);
    const declared = [...schemaDecls(doc, offset).map((decl) => ({ file: doc, decl })), ...inheritedSchemaDecls(doc, files)];
    for (const { file: from, decl } of declared) {
      if (!decl.target.startsWith('input')) continue;
      if (decl.inline) {
        out.push({ target: decl.target, schema: decl.inline });
        continue;
      }
      const file = decl.ref ? resolveSchemaFile(decl.ref, from.path, root, (p) => this.host.textOf(p) !== undefined) : undefined;
      const text = file ? this.host.textOf(file) : undefined;
      const schema = file && text !== undefined ? parseSchema(file, text) : undefined;
      if (schema) out.push({ target: decl.target, schema });
    }
    return out;
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
