// Unit discovery finds Terraform plan/state files by content (for `palisade report` and `scan`).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { discoverUnits } from '../../server/src/cli/units';
import { MemoryHost } from '../policy/helpers';

const PLAN = '{"format_version": "1.2", "planned_values": {"root_module": {}}}';
const STATE = '{"version": 4, "terraform_version": "1.7.5", "resources": []}';

test('plan and state files are found by content, named or while walking; other JSON is not', () => {
  const host = new MemoryHost({
    '/ws/app/main.tf': 'resource "aws_s3_bucket" "b" {}\n',
    '/ws/app/plan.json': PLAN,
    '/ws/app/package.json': '{"name": "x", "version": "1.0.0"}',
    '/ws/live/terraform.tfstate': STATE,
    '/ws/live/notes.json': '{"planned_values": 1}',
    '/ws/.hidden/plan.json': PLAN,
    '/ws/broken/plan.json': '{"format_version": "1.2", "planned_values": {',
    '/elsewhere/out.json': PLAN,
  });
  const walked = discoverUnits(host, ['/ws'], { gitignore: false });
  assert.deepEqual(walked.dirs, ['/ws/app']);
  assert.deepEqual(walked.plans, ['/ws/app/plan.json', '/ws/live/terraform.tfstate']);
  const named = discoverUnits(host, ['/elsewhere/out.json', '/ws/app/package.json'], { gitignore: false });
  assert.deepEqual(named.plans, ['/elsewhere/out.json']);
  assert.deepEqual(named.missing, ['/ws/app/package.json']);
});
