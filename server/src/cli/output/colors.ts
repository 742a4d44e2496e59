// ANSI styling for text output, on only where a person reads it: FORCE_COLOR (not 0) forces it,
// NO_COLOR (https://no-color.org) turns it off, otherwise colour follows whether the stream is a TTY.
import type { RuleSeverity } from '../../policy';

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  severity(severity: RuleSeverity, s: string): string;
}

export function useColor(isTTY: boolean | undefined, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return isTTY === true;
}

const PLAIN: Style = { bold: (s) => s, dim: (s) => s, red: (s) => s, severity: (_sev, s) => s };

const SEVERITY_CODES: Record<RuleSeverity, string> = { critical: '1;35', high: '31', medium: '33', low: '34', info: '90' };

const ANSI: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  red: (s) => `\x1b[31m${s}\x1b[39m`,
  severity: (sev, s) => `\x1b[${SEVERITY_CODES[sev]}m${s}\x1b[0m`,
};

export function styleFor(color: boolean): Style {
  return color ? ANSI : PLAIN;
}
