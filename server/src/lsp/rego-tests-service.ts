// The Test Explorer and "Evaluate" requests behind one object for server.ts to wire: test discovery
// and runs (rego-tests.ts), rule evaluation (rego-evaluate.ts) and the code lenses that offer it
// (rego-code-lens.ts), sharing one compile cache.
import type { CancellationToken, CodeLens, CodeLensParams } from 'vscode-languageserver';
import type { FileHost } from '../iac/model';
import type { RegoEvaluateParams, RegoEvaluateResult, RegoTestsParams, RegoTestsResult, RunRegoTestsParams, RunRegoTestsResult } from '../shared/messages';
import { fileKind, uriToPath } from './paths';
import { ruleCodeLenses } from './rego-code-lens';
import { evaluateRule } from './rego-evaluate';
import type { RegoFeatureHost } from './rego-features';
import { RegoTests } from './rego-tests';
import { ClosureCompiler } from './rego-tests-compile';
import { FolderDataDocuments } from './rego-tests-data';

export interface RegoTestServiceHost {
  /** The Rego side of the session (shared parses and folder listings). */
  rego: RegoFeatureHost;
  /** Workspace folders (absolute paths). */
  roots(): readonly string[];
  /** Buffers over disk, for input files and Terraform modules. */
  files: FileHost;
  /** Disk read fresh, for the folder's data documents (not watched); `files` when absent. */
  disk?: FileHost;
  /** False in Restricted Mode: workspace Rego is listed but never evaluated. */
  trusted: boolean;
  /** The extra variable files (absolute) the session applies to the Terraform file at `path`. */
  terraformVarFiles?(path: string): Promise<string[]>;
}

/** Why nothing runs in Restricted Mode (DESIGN.md: no code from an untrusted workspace is loaded). */
export const RESTRICTED_MESSAGE = 'Restricted Mode: Palisade does not evaluate workspace Rego until the workspace is trusted.';

export class RegoTestService {
  private readonly compiler: ClosureCompiler;
  private readonly tests: RegoTests;
  /** Data documents of the folders, shared by test runs and Evaluate (parses cached by text). */
  private readonly dataDocuments: FolderDataDocuments;

  constructor(private readonly host: RegoTestServiceHost) {
    this.compiler = new ClosureCompiler(host.rego);
    const rego = host.rego;
    // For an open path `textOf` answers the buffer.
    this.dataDocuments = new FolderDataDocuments({ bufferText: (p) => rego.textOf(p), disk: host.disk ?? host.files, openPaths: () => rego.openPaths() });
    this.tests = new RegoTests(
      { workspace: rego.workspace, textOf: (p) => rego.textOf(p), rootOf: (p) => rego.rootOf(p), openPaths: () => rego.openPaths(), roots: () => host.roots() },
      this.compiler,
      this.dataDocuments,
    );
  }

  discover(params: RegoTestsParams): RegoTestsResult {
    return this.tests.discover(params);
  }

  async run(params: RunRegoTestsParams, token?: CancellationToken): Promise<RunRegoTestsResult> {
    if (!this.host.trusted) return { results: this.tests.refused(params, RESTRICTED_MESSAGE) };
    return this.tests.run(params, token);
  }

  async evaluate(params: RegoEvaluateParams, token?: CancellationToken): Promise<RegoEvaluateResult> {
    if (!this.host.trusted) return { rule: params.rule, summary: `error: ${RESTRICTED_MESSAGE}`, errors: [RESTRICTED_MESSAGE], durationMs: 0, commandLine: [], cwd: '' };
    const terraformPath = params.terraformUri !== undefined ? uriToPath(params.terraformUri) : undefined;
    const terraformVarFiles = terraformPath !== undefined && this.host.terraformVarFiles ? await this.host.terraformVarFiles(terraformPath) : [];
    return evaluateRule({ files: this.host.files, rootOf: (p) => this.host.rego.rootOf(p), data: (root) => this.dataDocuments.load(root), terraformVarFiles }, this.compiler, params, token);
  }

  codeLenses(params: CodeLensParams): CodeLens[] {
    const path = uriToPath(params.textDocument.uri);
    const text = path && fileKind(path) === 'rego' ? this.host.rego.textOf(path) : undefined;
    if (!path || text === undefined) return [];
    const openTerraform = [...this.host.rego.openPaths()].filter((p) => fileKind(p) === 'terraform');
    return ruleCodeLenses(this.host.rego.workspace.parse(path, text), openTerraform);
  }

  closed(path: string): void {
    this.tests.closed(path);
  }
}
