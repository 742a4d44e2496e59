// references.checkov decides which rule a `#checkov:skip=<id>` comment silences, and which rule a
// comparison by vendor id scores. These ids were checked against Checkov's own check definitions
// (round 13 of docs/accuracy.md): round 2 had CKV_AWS_60 and CKV_AWS_61 the wrong way round, so a
// skip for the public-trust check silenced the cross-account rule and left the public one shown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { REPO_ROOT } from '../helpers/corpora';
import { loadBuiltinRules } from '../../scripts/gen-rule-docs';

// Checkov id -> the built-in rules that must name it (and no other rule may).
const VERIFIED: Record<string, string[]> = {
  // IAMRoleAllowsPublicAssume: a trust policy open to "*".
  CKV_AWS_60: ['PAL-AWS-IAM-005'],
  // IAMRoleAllowAssumeFromAccount: a whole account (12-digit id or :root ARN) may assume the role.
  CKV_AWS_61: ['PAL-AWS-IAM-016'],
  // AuroraEncryption: aws_rds_cluster storage_encrypted.
  CKV_AWS_96: ['PAL-AWS-RDS-001'],
  // Security groups open to 0.0.0.0/0: every port in, every port out, port 80 in.
  CKV_AWS_277: ['PAL-AWS-VPC-003'],
  CKV_AWS_382: ['PAL-AWS-VPC-005'],
  CKV_AWS_260: ['PAL-AWS-VPC-012'],
  // APIGatewayV2RouteDefinesAuthorizationType: API Gateway v2 routes without authorization.
  CKV_AWS_309: ['PAL-AWS-APIGATEWAY-002'],
  // Session 18's Security Hub FSBP rules, each id read in Checkov's check definition (or, for the
  // graph checks CKV2_*, its check list): ALBDesyncMode (aws_lb, aws_alb, aws_elb); RDSClusterCopyTags
  // and the instance graph check; RDSEnhancedMonitorEnabled (aws_db_instance,
  // aws_rds_cluster_instance); the network firewall logging graph check; the CloudFront default
  // root object check.
  CKV_AWS_328: ['PAL-AWS-LB-008'],
  CKV_AWS_313: ['PAL-AWS-RDS-015'],
  CKV2_AWS_60: ['PAL-AWS-RDS-015'],
  CKV_AWS_118: ['PAL-AWS-RDS-016'],
  CKV2_AWS_63: ['PAL-AWS-VPC-022'],
  CKV_AWS_305: ['PAL-AWS-CLOUDFRONT-009'],
};

test('Checkov ids verified against the vendor name the equivalent rule, and only it', () => {
  const { rules } = loadBuiltinRules(REPO_ROOT);
  for (const [id, expected] of Object.entries(VERIFIED)) {
    const naming = rules.filter((r) => (r.references?.checkov ?? []).includes(id)).map((r) => r.id).sort();
    assert.deepEqual(naming, expected, `${id} is named by ${naming.join(', ') || 'no rule'}`);
  }
});
