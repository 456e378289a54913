/** What every process does once its runtime is up (API, worker, CLI): data upkeep that must not wait. */
import { syncBuiltInRoles } from './access';
import { unreadablePaymentSecrets } from './orders';
import { ConfigError, type Runtime } from './platform';

export async function afterStart(rt: Runtime) {
  const base = rt.ctx({ tenantId: '', actor: { kind: 'system', name: 'startup' } });
  const synced = await syncBuiltInRoles(base);
  if (synced.length) rt.log.info({ roles: synced }, 'built-in roles received newly added permissions');
  const problems = await unreadablePaymentSecrets(rt.db);
  if (!problems.length) return;
  const message = [
    "Stored payment keys cannot be opened with this server's master key:",
    ...problems.map((p) => `  ${p}`),
    'Set SIYU_SECRET_KEY to the key they were saved with (an older key may go in SIYU_SECRET_KEYS_OLD); see docs/operator.md.',
  ].join('\n');
  if (rt.config.mode === 'production') throw new ConfigError(message);
  rt.log.warn(message);
}
