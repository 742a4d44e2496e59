// Peers' suppression comments per part of a rule (session 23, H5; docs/accuracy.md "Per-part peer
// suppression"): a Checkov, Trivy/tfsec or KICS comment that names one part of a multi-part rule
// silences that part's findings only, never the rule's other parts. Real scans of Terraform text with
// the built-in pack; each case is one that R4 (session 22) found silenced by the whole-rule match.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { builtinPack, scanFiles } from './helpers';

/** The state of each finding of `ruleId`, by the finding's last path element (or `<resource>`). */
async function states(ruleId: string, tf: string): Promise<Record<string, string>> {
  const scan = await scanFiles(builtinPack(), { 'main.tf': tf });
  const out: Record<string, string> = {};
  for (const f of scan.findings.filter((x) => x.ruleId === ruleId)) {
    const key = `${f.resource}:${(f.path ?? []).length ? String(f.path![f.path!.length - 1]) : '<resource>'}`;
    out[key] = f.suppressed ? 'suppressed' : 'shown';
  }
  return out;
}

// ATHENA-002: part 1 (no result encryption) is CKV_AWS_159 / KICS d364984a; part 2 (encryption set,
// enforce_workgroup_configuration = false) is CKV_AWS_82 / AVD-AWS-0007.
const athenaUnencrypted = (comment: string) => `${comment}
resource "aws_athena_workgroup" "wg" {
  name = "wg"
  configuration {
    enforce_workgroup_configuration = false
    result_configuration {
      output_location = "s3://results/"
    }
  }
}
`;
const athenaOverride = (comment: string) => `${comment}
resource "aws_athena_workgroup" "wg" {
  name = "wg"
  configuration {
    enforce_workgroup_configuration = false
    result_configuration {
      encryption_configuration {
        encryption_option = "SSE_S3"
      }
    }
  }
}
`;

test('ATHENA-002: a CKV_AWS_82 skip (clients may override) leaves the missing encryption reported', async () => {
  const key = 'aws_athena_workgroup.wg:encryption_configuration';
  assert.deepEqual(await states('PAL-AWS-ATHENA-002', athenaUnencrypted('#checkov:skip=CKV_AWS_82:clients pick their own settings')), { [key]: 'shown' });
  assert.deepEqual(await states('PAL-AWS-ATHENA-002', athenaUnencrypted('#trivy:ignore:AVD-AWS-0007 clients pick')), { [key]: 'shown' });
  assert.deepEqual(await states('PAL-AWS-ATHENA-002', athenaUnencrypted('#checkov:skip=CKV_AWS_159:results are public data')), { [key]: 'suppressed' });
  assert.deepEqual(await states('PAL-AWS-ATHENA-002', athenaUnencrypted('# kics-scan ignore-block')), { [key]: 'suppressed' });
});

test('ATHENA-002: the override part is silenced by CKV_AWS_82 and AVD-AWS-0007, not by the encryption ids', async () => {
  const key = 'aws_athena_workgroup.wg:enforce_workgroup_configuration';
  assert.deepEqual(await states('PAL-AWS-ATHENA-002', athenaOverride('#checkov:skip=CKV_AWS_82:clients pick their own settings')), { [key]: 'suppressed' });
  assert.deepEqual(await states('PAL-AWS-ATHENA-002', athenaOverride('#trivy:ignore:AVD-AWS-0007 clients pick')), { [key]: 'suppressed' });
  assert.deepEqual(await states('PAL-AWS-ATHENA-002', athenaOverride('#checkov:skip=CKV_AWS_159:encrypted anyway')), { [key]: 'shown' });
  assert.deepEqual(await states('PAL-AWS-ATHENA-002', athenaOverride('# kics-scan ignore-block')), { [key]: 'shown' }, 'the KICS query does not read enforce_workgroup_configuration');
});

// EMR-002: CKV_AWS_349 (local disks: at rest off, or no LocalDiskEncryptionConfiguration) and
// CKV_AWS_351 (in transit).
const emr = (comment: string, encryption: string) => `${comment}
resource "aws_emr_security_configuration" "sc" {
  name          = "sc"
  configuration = jsonencode(${encryption})
}
`;
const s3OnlyNoTransit = '{ EncryptionConfiguration = { EnableAtRestEncryption = true, EnableInTransitEncryption = false, AtRestEncryptionConfiguration = { S3EncryptionConfiguration = { EncryptionMode = "SSE-S3" } } } }';

test('EMR-002: CKV_AWS_351 silences the in-transit finding only, CKV_AWS_349 the local-disk one only', async () => {
  const transit = 'aws_emr_security_configuration.sc:EnableInTransitEncryption';
  const disk = 'aws_emr_security_configuration.sc:AtRestEncryptionConfiguration';
  assert.deepEqual(await states('PAL-AWS-EMR-002', emr('#checkov:skip=CKV_AWS_351:TLS terminates elsewhere', s3OnlyNoTransit)), { [transit]: 'suppressed', [disk]: 'shown' });
  assert.deepEqual(await states('PAL-AWS-EMR-002', emr('#checkov:skip=CKV_AWS_349:scratch cluster', s3OnlyNoTransit)), { [transit]: 'shown', [disk]: 'suppressed' });
  assert.deepEqual(await states('PAL-AWS-EMR-002', emr('#checkov:skip=CKV_AWS_349:scratch\n#checkov:skip=CKV_AWS_351:scratch', s3OnlyNoTransit)), { [transit]: 'suppressed', [disk]: 'suppressed' });
});

test('EMR-002: a finding that reports both switches off needs both skips', async () => {
  const key = 'aws_emr_security_configuration.sc:configuration';
  const none = '{ Other = true }';
  assert.deepEqual(await states('PAL-AWS-EMR-002', emr('#checkov:skip=CKV_AWS_349:scratch cluster', none)), { [key]: 'shown' });
  assert.deepEqual(await states('PAL-AWS-EMR-002', emr('#checkov:skip=CKV_AWS_351:scratch cluster', none)), { [key]: 'shown' });
  assert.deepEqual(await states('PAL-AWS-EMR-002', emr('#checkov:skip=CKV_AWS_349:scratch\n#checkov:skip=CKV_AWS_351:scratch', none)), { [key]: 'suppressed' });
});

// RDS-010: CKV_AWS_146 and KICS 656880aa fail every aws_db_cluster_snapshot (its storage_encrypted
// is computed), so their comments say nothing about the source cluster; neither reads aws_db_snapshot.
const rdsSnapshot = (comment: string) => `resource "aws_rds_cluster" "db" {
  cluster_identifier = "db"
  engine             = "aurora-postgresql"
  master_username    = "u"
  manage_master_user_password = true
}

${comment}
resource "aws_db_cluster_snapshot" "snap" {
  db_cluster_identifier          = aws_rds_cluster.db.id
  db_cluster_snapshot_identifier = "snap"
}
`;

test('RDS-010: a CKV_AWS_146 or kics skip on a cluster snapshot leaves the unencrypted source reported', async () => {
  const key = 'aws_db_cluster_snapshot.snap:<resource>';
  for (const c of ['#checkov:skip=CKV_AWS_146:Checkov cannot read snapshot encryption', '# kics-scan ignore-block']) {
    assert.deepEqual(await states('PAL-AWS-RDS-010', rdsSnapshot(c)), { [key]: 'shown' }, c);
  }
  assert.deepEqual(await states('PAL-AWS-RDS-010', rdsSnapshot('# palisade:ignore PAL-AWS-RDS-010 test data only')), { [key]: 'suppressed' });
});

// MQ-002: general logs are CKV_AWS_48 / AVD-AWS-0071, audit logs CKV_AWS_197 / AVD-AWS-0070; the KICS
// query reads both.
const broker = (comment: string, engine: string, logs: string) => `${comment}
resource "aws_mq_broker" "b" {
  broker_name        = "b"
  engine_type        = "${engine}"
  engine_version     = "5.17.6"
  host_instance_type = "mq.t3.micro"
${logs}
  user {
    username = "u"
    password = "p"
  }
}
`;

test('MQ-002: an audit-log skip silences the audit finding only; a broker without logs needs both', async () => {
  const generalOff = '  logs {\n    general = false\n    audit   = false\n  }';
  const st = (c: string, engine = 'ActiveMQ', logs = generalOff) => states('PAL-AWS-MQ-002', broker(c, engine, logs));
  assert.deepEqual(await st('#checkov:skip=CKV_AWS_197:audit goes to the SIEM'), { 'aws_mq_broker.b:general': 'shown', 'aws_mq_broker.b:audit': 'suppressed' });
  assert.deepEqual(await st('#trivy:ignore:AVD-AWS-0071 general logs too noisy'), { 'aws_mq_broker.b:general': 'suppressed', 'aws_mq_broker.b:audit': 'shown' });
  assert.deepEqual(await st('# kics-scan ignore-block'), { 'aws_mq_broker.b:general': 'suppressed', 'aws_mq_broker.b:audit': 'suppressed' });
  const noLogs = 'aws_mq_broker.b:logs';
  assert.deepEqual(await st('#checkov:skip=CKV_AWS_197:audit goes to the SIEM', 'ActiveMQ', ''), { [noLogs]: 'shown' });
  assert.deepEqual(await st('#checkov:skip=CKV_AWS_48:dev\n#checkov:skip=CKV_AWS_197:dev', 'ActiveMQ', ''), { [noLogs]: 'suppressed' });
  assert.deepEqual(await st('#checkov:skip=CKV_AWS_48:dev\n#trivy:ignore:AVD-AWS-0070 dev', 'ActiveMQ', ''), { [noLogs]: 'suppressed' }, 'parts may be named by different tools');
  assert.deepEqual(await st('#checkov:skip=CKV_AWS_48:dev broker', 'RabbitMQ', ''), { [noLogs]: 'suppressed' }, 'RabbitMQ has no audit log');
});

test('single-part rules keep the rule-level references (ROUTE53-002, CKV_AWS_377)', async () => {
  const domain = (c: string) => `${c}\nresource "aws_route53domains_registered_domain" "d" {\n  domain_name   = "example.com"\n  transfer_lock = false\n}\n`;
  assert.deepEqual(await states('PAL-AWS-ROUTE53-002', domain('#checkov:skip=CKV_AWS_377:transfer under way')), { 'aws_route53domains_registered_domain.d:transfer_lock': 'suppressed' });
  assert.deepEqual(await states('PAL-AWS-ROUTE53-002', domain('#checkov:skip=CKV_AWS_82:unrelated')), { 'aws_route53domains_registered_domain.d:transfer_lock': 'shown' });
});

test('a peer comment that only names some parts does not count as used (no reason warning for it)', async () => {
  const scan = await scanFiles(builtinPack(), { 'main.tf': athenaUnencrypted('#checkov:skip=CKV_AWS_82') });
  assert.equal(scan.findings.filter((f) => f.ruleId === 'PAL-SUPPRESS-NO-REASON').length, 0);
  const named = await scanFiles(builtinPack(), { 'main.tf': athenaOverride('#checkov:skip=CKV_AWS_82') });
  assert.equal(named.findings.filter((f) => f.ruleId === 'PAL-SUPPRESS-NO-REASON').length, 1);
});

test('MWAA-002: each Checkov id names one log type; task logs have none', async () => {
  const env = (comment: string, logging: string) => `${comment}
resource "aws_mwaa_environment" "e" {
  name               = "e"
  dag_s3_path        = "dags/"
  execution_role_arn = "arn:aws:iam::123456789012:role/mwaa"
  source_bucket_arn  = "arn:aws:s3:::dags"
  network_configuration {
    security_group_ids = ["sg-1"]
    subnet_ids         = ["subnet-1", "subnet-2"]
  }
${logging}
}
`;
  const st = (c: string, logging = '') => states('PAL-AWS-MWAA-002', env(c, logging));
  assert.deepEqual(await st('#checkov:skip=CKV_AWS_243:workers log elsewhere'), { 'aws_mwaa_environment.e:logging_configuration': 'shown' });
  assert.deepEqual(await st('#checkov:skip=CKV_AWS_242:a\n#checkov:skip=CKV_AWS_243:b\n#checkov:skip=CKV_AWS_244:c'), { 'aws_mwaa_environment.e:logging_configuration': 'suppressed' });
  const off = '  logging_configuration {\n    scheduler_logs {\n      enabled = true\n    }\n    webserver_logs {\n      enabled = true\n    }\n    worker_logs {\n      enabled = false\n    }\n    task_logs {\n      enabled = false\n    }\n  }';
  const scan = await scanFiles(builtinPack(), { 'main.tf': env('#checkov:skip=CKV_AWS_243:workers log elsewhere', off) });
  const byKind = scan.findings.filter((f) => f.ruleId === 'PAL-AWS-MWAA-002').map((f) => `${f.path![2]}:${f.suppressed ? 'suppressed' : 'shown'}`).sort();
  assert.deepEqual(byKind, ['task_logs:shown', 'worker_logs:suppressed']);
});

test('CODEBUILD-003: CKV_AWS_78 names the artifacts, CKV_AWS_311 the S3 logs', async () => {
  const project = (comment: string) => `${comment}
resource "aws_codebuild_project" "p" {
  name         = "p"
  service_role = "arn:aws:iam::123456789012:role/cb"
  artifacts {
    type                = "S3"
    location            = "artifacts"
    encryption_disabled = true
  }
  environment {
    compute_type = "BUILD_GENERAL1_SMALL"
    image        = "aws/codebuild/standard:7.0"
    type         = "LINUX_CONTAINER"
  }
  logs_config {
    s3_logs {
      status              = "ENABLED"
      location            = "logs/build"
      encryption_disabled = true
    }
  }
  source {
    type = "NO_SOURCE"
  }
}
`;
  const scan = async (c: string) => {
    const s = await scanFiles(builtinPack(), { 'main.tf': project(c) });
    return s.findings.filter((f) => f.ruleId === 'PAL-AWS-CODEBUILD-003').map((f) => `${f.path![0]}:${f.suppressed ? 'suppressed' : 'shown'}`).sort();
  };
  assert.deepEqual(await scan('#checkov:skip=CKV_AWS_78:public artifacts'), ['artifacts:suppressed', 'logs_config:shown']);
  assert.deepEqual(await scan('#checkov:skip=CKV_AWS_311:logs bucket encrypts by default'), ['artifacts:shown', 'logs_config:suppressed']);
  assert.deepEqual(await scan('#trivy:ignore:AVD-AWS-0018 public artifacts'), ['artifacts:suppressed', 'logs_config:shown']);
});

test('CLOUDSEARCH-001: CKV_AWS_220 names HTTPS, CKV_AWS_218 the TLS policy', async () => {
  const domain = (comment: string, options: string) => `${comment}
resource "aws_cloudsearch_domain" "d" {
  name = "d"
${options}
}
`;
  const tlsUnset = '  endpoint_options {\n    enforce_https = true\n  }';
  assert.deepEqual(await states('PAL-AWS-CLOUDSEARCH-001', domain('#checkov:skip=CKV_AWS_220:internal clients', tlsUnset)), { 'aws_cloudsearch_domain.d:tls_security_policy': 'shown' });
  assert.deepEqual(await states('PAL-AWS-CLOUDSEARCH-001', domain('#checkov:skip=CKV_AWS_218:old clients', tlsUnset)), { 'aws_cloudsearch_domain.d:tls_security_policy': 'suppressed' });
  assert.deepEqual(await states('PAL-AWS-CLOUDSEARCH-001', domain('#checkov:skip=CKV_AWS_218:old clients', '')), { 'aws_cloudsearch_domain.d:endpoint_options': 'shown' }, 'no block: HTTP is allowed too');
});

test('APPSYNC-001: CKV_AWS_194 names the field-level logs; an API without log_config needs CKV_AWS_193 too', async () => {
  const api = (comment: string, logConfig: string) => `${comment}
resource "aws_appsync_graphql_api" "a" {
  name                = "a"
  authentication_type = "AWS_IAM"
${logConfig}
}
`;
  const none = '  log_config {\n    cloudwatch_logs_role_arn = "arn:aws:iam::123456789012:role/appsync-logs"\n    field_log_level          = "NONE"\n  }';
  assert.deepEqual(await states('PAL-AWS-APPSYNC-001', api('#checkov:skip=CKV_AWS_193:logs elsewhere', none)), { 'aws_appsync_graphql_api.a:field_log_level': 'shown' });
  assert.deepEqual(await states('PAL-AWS-APPSYNC-001', api('#checkov:skip=CKV_AWS_194:resolver data is sensitive', none)), { 'aws_appsync_graphql_api.a:field_log_level': 'suppressed' });
  assert.deepEqual(await states('PAL-AWS-APPSYNC-001', api('#checkov:skip=CKV_AWS_194:resolver data is sensitive', '')), { 'aws_appsync_graphql_api.a:log_config': 'shown' });
  assert.deepEqual(await states('PAL-AWS-APPSYNC-001', api('#checkov:skip=CKV_AWS_193:a\n#checkov:skip=CKV_AWS_194:b', '')), { 'aws_appsync_graphql_api.a:log_config': 'suppressed' });
});

// IAM-002 (review of session 23, R4): Checkov's CKV2_AWS_56 fails only IAMFullAccess at an attachment
// (IAMManagedIAMFullAccessPolicy.yaml); CKV2_AWS_40, CKV_AWS_49/63 and Trivy's AVD-AWS-0057/0345 read
// policy documents, never a managed ARN. A skip of 56 on a role must leave its S3 full-access finding.
const roleWithManaged = (comment: string) => `${comment}
resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = "{}"
  managed_policy_arns = [
    "arn:aws:iam::aws:policy/IAMFullAccess",
    "arn:aws:iam::aws:policy/AmazonS3FullAccess",
  ]
}
`;

test('IAM-002: CKV2_AWS_56 names only the IAMFullAccess attachment; document ids name none', async () => {
  assert.deepEqual(await states('PAL-AWS-IAM-002', roleWithManaged('#checkov:skip=CKV2_AWS_56:break-glass role')), {
    'aws_iam_role.ops:0': 'suppressed',
    'aws_iam_role.ops:1': 'shown',
  });
  assert.deepEqual(await states('PAL-AWS-IAM-002', roleWithManaged('#checkov:skip=CKV2_AWS_40:break-glass role')), {
    'aws_iam_role.ops:0': 'shown',
    'aws_iam_role.ops:1': 'shown',
  });
  assert.deepEqual(await states('PAL-AWS-IAM-002', roleWithManaged('#trivy:ignore:AVD-AWS-0345 break-glass role')), {
    'aws_iam_role.ops:0': 'shown',
    'aws_iam_role.ops:1': 'shown',
  });
});
