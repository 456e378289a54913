import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';

const root = path.resolve(import.meta.dirname, '..');
const depcruise = path.join(root, 'node_modules/.bin/depcruise');

/** Lays out a tiny tree in the project's shape and runs the project's boundary rules over it. */
function cruise(files: Record<string, string>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-boundaries-'));
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }),
  );
  for (const [f, src] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    fs.writeFileSync(path.join(dir, f), src);
  }
  const r = spawnSync(
    depcruise,
    ['--config', path.join(root, '.dependency-cruiser.cjs'), '--output-type', 'err', 'apps', 'packages'],
    {
      cwd: dir,
      encoding: 'utf8',
    },
  );
  fs.rmSync(dir, { recursive: true, force: true });
  return { status: r.status, out: r.stdout + r.stderr };
}

const legal = {
  'packages/core/src/platform/db.ts': 'export const db = 1;\n',
  'packages/core/src/access/access.tables.ts': 'export const t = 1;\n',
  'packages/core/src/access/staff.repo.ts':
    "import { t } from './access.tables';\nimport { db } from '../platform/db';\nexport const r = t + db;\n",
  'packages/core/src/access/index.ts': "export { r } from './staff.repo';\n",
  'packages/core/src/customers/index.ts': "import { r } from '../access/index';\nexport const c = r;\n",
  'apps/api/src/app.ts': "import { c } from '../../../packages/core/src/customers/index';\nexport const a = c;\n",
};

describe('boundary rules (DESIGN R1, R2)', () => {
  it('pass a tree that follows them', () => {
    const r = cruise(legal);
    assert.equal(r.status, 0, r.out);
  });

  it('fail on each kind of violation, naming the rule', () => {
    const r = cruise({
      ...legal,
      'packages/core/src/access/upward.ts': "import { c } from '../customers/index';\nexport const u = c;\n",
      'packages/core/src/customers/deep.ts': "import { r } from '../access/staff.repo';\nexport const d = r;\n",
      'packages/core/src/customers/sneaky.service.ts':
        "import { t } from '../access/access.tables';\nexport const s = t;\n",
      'packages/core/src/platform/up.ts': "import { r } from '../access/index';\nexport const p = r;\n",
      'apps/api/src/deep.ts':
        "import { r } from '../../../packages/core/src/access/staff.repo';\nexport const x = r;\n",
      'apps/admin/src/ui.ts': "import { r } from '../../../packages/core/src/access/index';\nexport const y = r;\n",
    });
    assert.notEqual(r.status, 0);
    for (const rule of [
      'order-access',
      'index-only-customers',
      'platform-below-domains',
      'apps-through-index',
      'ui-contracts-only',
    ])
      assert.match(r.out, new RegExp(rule), `expected ${rule} in:\n${r.out}`);
  });
});
