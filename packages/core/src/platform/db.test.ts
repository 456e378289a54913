import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { lockDataDir } from './db';

const root = path.resolve(import.meta.dirname, '../../../..');

describe('embedded data directory lock', () => {
  it('a second process gets a clear error while the first holds the directory', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-lock-'));
    const release = lockDataDir(dir);
    try {
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'apps/api/src/cli.ts', 'migrate'], {
        cwd: root,
        env: { ...process.env, SIYU_DATA_DIR: dir, DATABASE_URL: '' },
        encoding: 'utf8',
        timeout: 60_000,
      });
      assert.equal(r.status, 1);
      assert.match(r.stderr, /in use by another Siyu process \(pid \d+\)/);
    } finally {
      release();
    }
    assert.equal(fs.existsSync(path.join(dir, 'siyu.lock')), false, 'released on close');
  });

  it('takes over a stale lock left by a process that is gone', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'siyu-lock-'));
    fs.writeFileSync(path.join(dir, 'siyu.lock'), '999999');
    const release = lockDataDir(dir);
    try {
      assert.equal(fs.readFileSync(path.join(dir, 'siyu.lock'), 'utf8'), String(process.pid));
      const probe = `import('${path.join(import.meta.dirname, 'db.ts')}').then((m) => { try { m.lockDataDir(process.argv[1]); process.exit(0); } catch (e) { console.error(e.constructor.name); process.exit(3); } })`;
      const r = spawnSync(process.execPath, ['--import', 'tsx', '-e', probe, dir], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      assert.equal(r.status, 3, r.stderr);
      assert.match(r.stderr, /DataDirLockedError/);
    } finally {
      release();
    }
  });
});
