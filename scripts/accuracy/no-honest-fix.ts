// Findings of fixable rules in the KICS samples for which no honest fix exists, each with the
// reason. The fix check counts every other finding of a fixable rule as one that must be fixed;
// these are left out of that count, listed in the report, and fail the check if they carry a fix
// after all (rule operations or any candidate), so an entry goes when a fix appears. Each entry is
// reviewed like a rule's fixable claim: the sample must really lack what a fix would need.
export interface NoHonestFix {
  /** The sample's path ends with this (`<query folder>/test/<file>`). */
  sample: string;
  ruleId: string;
  /** 1-based line of the finding. */
  line: number;
  reason: string;
}

export const NO_HONEST_FIX: readonly NoHonestFix[] = [
  {
    sample: 'vpc_peering_route_table_with_unrestricted_cidr/test/positive4.tf',
    ruleId: 'PAL-AWS-VPC-018',
    line: 9,
    reason: 'the peering connection and both VPCs are not declared: there is no peer CIDR to route instead of 0.0.0.0/0',
  },
];

export function noHonestFix(list: readonly NoHonestFix[], sample: string, ruleId: string, line: number): NoHonestFix | undefined {
  return list.find((e) => sample.endsWith(e.sample) && e.ruleId === ruleId && e.line === line);
}
