// The policy layer's door: rule packs (loading, metadata), evaluation over a unit's model,
// finding placement, suppressions, `.palisade.yaml`, and the scan entry point surfaces share.
export { loadPack, isPolicyFile } from './pack';
export type { PackFile, LoadPackOptions } from './pack';
export { ArtefactModules, writePackArtefact, readPackArtefact, type ArtefactText, PACK_ARTEFACT_FORMAT, BUILTIN_PACK_ARTEFACT } from './pack-artefact';
export type { PackArtefact } from './pack-artefact';
export { DOCS_BASE_URL } from './metadata';
export { evaluatePack, evaluatePackSync, fingerprintOf, DEFAULT_RULE_BUDGET } from './evaluate';
export type { EvaluateOptions, EvaluationResult, WithheldFinding } from './evaluate';
export { parseSuppressions, applySuppressions, NO_REASON_RULE_ID } from './suppressions';
export { jsonSuppressionInsert } from './suppressions-json';
export type { Suppression } from './suppressions';
export { parseConfig, findConfigFile, ConfigCache, DEFAULT_CONFIG, CONFIG_NAMES, isExcluded, globToRegExp, ruleOverride } from './config';
export type { PalisadeConfig, RuleOverride } from './config';
export { scanTerraformUnit, configForUnit, rulesByIdOf } from './scan';
export type { ScanUnitOptions, UnitScan } from './scan';
export type { EvaluationRecord } from './incremental';
export { SEVERITIES, severityRank, isSeverity } from './types';
export type { Finding, FixOperation, PeerIds, PolicyDiagnostic, RelatedLocation, RuleMetadata, RulePack, RuleSeverity } from './types';
export * from './packs';
export { scanTerraformPlan, planPack } from './scan-plan';
export type { ScanPlanOptions, PlanScan } from './scan-plan';
export { INPUT_SHAPES, isInputShape, adaptedRules, evaluateAdapted, looksLikeConftest } from './adapters';
export type { InputShape, DocumentShape, AdapterDocument, AdapterOptions, DocumentsOf } from './adapters';
export { conftestTerraformInput } from './conftest-input';
export { scanDocumentFile, packReadsDocuments, terraformDocuments, documentFormat } from './adapters-scan';
export type { DocumentScan, DocumentScanOptions } from './adapters-scan';
