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
  // Round 39's mappings, re-read in Checkov's checks by its review (session 22, R4).
  // ELBwListenerNotTLSSSL reads each aws_elb listener's instance_protocol (the hop from the load
  // balancer to the instances), never lb_protocol, which is what LB-001 reports: a skip for it must
  // not silence a plain-HTTP front end.
  CKV_AWS_376: [],
  // CodebuildHasLogs fails a project without logs_config (CodeBuild then logs to CloudWatch, its
  // default) and passes one whose cloudwatch_logs block says DISABLED, which is CODEBUILD-004's case.
  CKV_AWS_314: [],
  // LambdaServicePermission: a service principal without source_arn or source_account.
  CKV_AWS_364: ['PAL-AWS-LAMBDA-001'],
  // DatasyncLocationExposesSecrets: secret_key written in aws_datasync_location_object_storage.
  CKV_AWS_295: ['PAL-AWS-CREDENTIALS-001'],
  // ECSServicePublicIP: network_configuration.assign_public_ip = true.
  CKV_AWS_333: ['PAL-AWS-ECS-004'],
  // MQBrokerAuditLogging: logs.audit (not RabbitMQ).
  CKV_AWS_197: ['PAL-AWS-MQ-002'],
  // WAFHasAnyRules: a web ACL without rules.
  CKV_AWS_175: ['PAL-AWS-WAF-003'],
  // Route53TransferLock: transfer_lock = false.
  CKV_AWS_377: ['PAL-AWS-ROUTE53-002'],
  // Round 42 (session 23, H7), the graph checks round 39 could not attribute.
  // EMRClusterHasSecurityConfiguration: aws_emr_cluster without security_configuration.
  CKV2_AWS_55: ['PAL-AWS-EMR-004'],
  // IAMManagedIAMFullAccessPolicy: IAMFullAccess in an attachment's policy_arn, a role's
  // managed_policy_arns, a permission set's managed_policy_arn or a data "aws_iam_policy" lookup.
  CKV2_AWS_56: ['PAL-AWS-IAM-002'],
  // No Terraform check carries CKV_AWS_95 (CKV_AWS_76 covers aws_apigatewayv2_stage): a Terraform
  // skip naming it silences nothing in Checkov and must not here.
  CKV_AWS_95: [],
  // NACLUnrestrictedIngress21: NACLs are judged (c), as CKV_AWS_352 was in round 39.
  CKV_AWS_229: [],
};

test('Checkov ids verified against the vendor name the equivalent rule, and only it', () => {
  const { rules } = loadBuiltinRules(REPO_ROOT);
  for (const [id, expected] of Object.entries(VERIFIED)) {
    const naming = rules.filter((r) => (r.references?.checkov ?? []).includes(id)).map((r) => r.id).sort();
    assert.deepEqual(naming, expected, `${id} is named by ${naming.join(', ') || 'no rule'}`);
  }
});
