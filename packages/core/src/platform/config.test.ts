import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ConfigError, loadConfig } from './config';

describe('config', () => {
  it('defaults to the embedded database in demo mode on 127.0.0.1:3000', () => {
    const c = loadConfig({});
    assert.equal(c.engine, 'pglite');
    assert.equal(c.mode, 'demo');
    assert.equal(c.port, 3000);
    assert.equal(c.host, '127.0.0.1');
    assert.match(c.dataDir, /\.siyu$/);
    assert.equal(c.inlineWorker, true);
  });

  it('uses PostgreSQL in production mode when DATABASE_URL is set', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://u@127.0.0.1/db' });
    assert.equal(c.engine, 'postgres');
    assert.equal(c.mode, 'production');
    assert.equal(c.secureCookies, true);
  });

  it('stops with a message naming each bad variable', () => {
    assert.throws(
      () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', SIYU_MODE: 'staging' }),
      (e: unknown) =>
        e instanceof ConfigError &&
        /PORT/.test(e.message) &&
        /DATABASE_URL: must start with postgres/.test(e.message) &&
        /SIYU_MODE/.test(e.message),
    );
  });

  it('treats empty variables as unset', () => {
    assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).engine, 'pglite');
  });
});
