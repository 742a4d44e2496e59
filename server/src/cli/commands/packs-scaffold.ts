// The files `palisade packs init` writes: an OPA bundle manifest, one rule with METADATA over
// Palisade's Terraform model, its tests, a README for the pack's users and a CI workflow that
// tests and builds the pack. Rego v1 throughout, formatted as `opa fmt` prints it.

/** Pack-relative path → file text. `root` is the pack's Rego package root (a Rego identifier). */
export function packScaffold(name: string, root: string): Record<string, string> {
  const idPrefix = root.toUpperCase().replace(/_/g, '-');
  return {
    '.manifest': `${JSON.stringify(
      { revision: '0.1.0', roots: [root], rego_version: 1, metadata: { name, version: '0.1.0', description: `${name} rule pack` } },
      null,
      2,
    )}\n`,
    [`${root}/tags/required_tags.rego`]: requiredTagsRule(root, idPrefix),
    [`${root}/tags/required_tags_test.rego`]: requiredTagsTest(root),
    [`${root}/tags/data.json`]: `${JSON.stringify({ required: ['owner', 'cost_center'] }, null, 2)}\n`,
    'README.md': readme(name, root, idPrefix),
    '.github/workflows/pack.yml': workflow(name),
    '.gitignore': '*.tar.gz\n',
  };
}

function requiredTagsRule(root: string, idPrefix: string): string {
  return `# METADATA
# title: Tagged resources carry the tags the organisation requires
# description: |
#   Every resource that sets tags must carry the keys listed in data.${root}.tags.required,
#   so costs and incidents can be traced to an owner.
# related_resources:
#   - ref: https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html
# custom:
#   id: ${idPrefix}-TAGS-001
#   severity: low
#   formats: [terraform]
#   frameworks: {}
#   references: {}
#   remediation: Add the missing keys to the resource's tags (or to the provider's default_tags).
#   fixable: false
package ${root}.tags.required_tags

import data.${root}.tags.required

# Resources whose tags are known and that miss a required key. The Palisade model
# (docs/policy.md) gives each resource its type, address and evaluated config.
deny contains {"msg": msg, "resource": r.address, "path": ["tags"]} if {
	some r in input.resources
	is_object(r.config.tags)
	missing := {key | some key in required; not r.config.tags[key]}
	count(missing) > 0
	msg := sprintf("%s has no %s tag", [r.address, concat(", ", sort(missing))])
}
`;
}

function requiredTagsTest(root: string): string {
  return `package ${root}.tags.required_tags_test

import data.${root}.tags.required_tags

bucket(tags) := {"resources": [{"type": "aws_s3_bucket", "address": "aws_s3_bucket.logs", "config": {"tags": tags}}]}

test_missing_tags_reported if {
	findings := required_tags.deny with input as bucket({"owner": "platform"})
	some finding in findings
	finding.msg == "aws_s3_bucket.logs has no cost_center tag"
	finding.path == ["tags"]
}

test_complete_tags_pass if {
	count(required_tags.deny) == 0 with input as bucket({"owner": "platform", "cost_center": "42"})
}

test_untagged_types_ignored if {
	count(required_tags.deny) == 0 with input as {"resources": [{"type": "aws_iam_policy", "address": "aws_iam_policy.p", "config": {}}]}
}
`;
}

function readme(name: string, root: string, idPrefix: string): string {
  return `# ${name}

A Palisade rule pack (an OPA bundle: \`.manifest\`, Rego under \`${root}/\`, data documents).

- Rules: one module per rule, with \`# METADATA\` whose \`custom.id\` (\`${idPrefix}-…\`) and
  \`custom.severity\` make it a rule; \`deny\` returns \`{"msg", "resource", "path"}\` objects.
- Data: \`${root}/tags/data.json\` is \`data.${root}.tags\`.
- Tests: \`*_test.rego\` beside each rule.

\`\`\`sh
palisade packs test --config <a .palisade.yaml naming this folder>   # run the tests
palisade packs build . -o ${name}.tar.gz [--key private.pem --alg RS256 --key-id ${root}]
\`\`\`

Use it from a repository's \`.palisade.yaml\`:

\`\`\`yaml
packs:
  sources:
    - bundle: vendor/${name}.tar.gz
      key_id: ${root}
  keys:
    ${root}: {algorithm: RS256, key_file: keys/${root}.pub.pem}
  require_signature: true
\`\`\`
`;
}

function workflow(name: string): string {
  return `# Tests the pack and builds its bundle on every push; the bundle is kept as an artifact.
name: pack
on: [push, pull_request]
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/checkout@v4
        with:
          repository: your-org/palisade        # where your copy of Palisade lives
          path: .palisade-tool                 # hidden folders are not part of the pack
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - run: npm ci && npm run build
        working-directory: .palisade-tool
      - run: node .palisade-tool/bin/palisade.js packs build . -o ${name}.tar.gz
      - uses: actions/upload-artifact@v4
        with:
          name: ${name}-bundle
          path: ${name}.tar.gz
`;
}
