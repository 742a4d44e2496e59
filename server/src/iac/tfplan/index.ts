// The Terraform plan/state front end's only door: plan JSON (`terraform show -json`) and state
// files → the policy model (`format: "terraform-plan"`) with a source map into the JSON, and the
// overlay that moves findings onto the .tf source when the configuration is at hand (docs/plan.md).
export { analyzeTerraformPlan, detectTerraformJson } from './analyze';
export type { TerraformPlanResult, TerraformJsonKind } from './analyze';
export { overlaySourceMaps } from './source-map';
export { parseJson } from './json';
export type { JsonNode, JsonMember, JsonParseResult } from './json';
