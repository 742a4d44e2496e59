// The rule registry: every rule, by category. The provided config (config/provided.ts) holds their
// default levels and options.
import type { LintRule } from '../types';
import { bugsExpressionRules } from './bugs/expressions';
import { bugsRuleRules } from './bugs/rules';
import { customRules } from './custom';
import { idiomaticExpressionRules } from './idiomatic/expressions';
import { idiomaticRuleRules } from './idiomatic/rules';
import { aggregateRules } from './imports/aggregate';
import { importFileRules } from './imports/imports';
import { performanceRules } from './performance';
import { styleExpressionRules } from './style/expressions';
import { styleRuleRules } from './style/rules';
import { styleTextRules } from './style/text';
import { testingRules } from './testing';

export const allRules: LintRule[] = [
  ...bugsExpressionRules,
  ...bugsRuleRules,
  ...idiomaticExpressionRules,
  ...idiomaticRuleRules,
  ...importFileRules,
  ...aggregateRules,
  ...performanceRules,
  ...styleTextRules,
  ...styleRuleRules,
  ...styleExpressionRules,
  ...testingRules,
  ...customRules,
];

export function ruleByName(name: string): LintRule | undefined {
  return allRules.find((r) => r.meta.name === name);
}
