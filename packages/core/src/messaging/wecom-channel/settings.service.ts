/**
 * A tenant's WeCom settings: stored with the secret and EncodingAESKey sealed, answered without the
 * secret (only `secretSet`), audited without secrets; "test connection" through the real client; and
 * (demo only) the demo tenant pointed at the sandbox.
 */
import type { WecomConnectionResult, WecomSettings, WecomSettingsInput } from '@siyu/contracts';
import {
  actorId,
  AppError,
  type Ctx,
  cached,
  inTransaction,
  invalid,
  invalidate,
  processMode,
  secrets,
} from '../../platform';
import { createWecomClient } from '../wecom/client';
import { testWecomConnection } from '../wecom/connection';
import { generateCallbackSecrets } from '../wecom/crypto';
import { openSettings, openWecom, sealWecom } from './settings.model';
import { findWecomSettings, saveWecomSettings } from './settings.repo';

export const wecomCallbackUrl = (publicUrl: string, tenantId: string) => `${publicUrl}/webhooks/wecom/${tenantId}`;

export async function wecomSettingsView(ctx: Ctx, publicUrl: string): Promise<WecomSettings> {
  const row = await findWecomSettings(ctx.db, ctx.tenantId);
  return {
    configured: Boolean(row),
    corpId: row?.corpId ?? null,
    agentId: row?.agentId ?? null,
    token: row?.token ?? null,
    encodingAesKey: row ? openWecom(row, 'encodingAesKey') : null,
    secretSet: Boolean(row?.secret),
    callbackUrl: wecomCallbackUrl(publicUrl, ctx.tenantId),
    sandbox: row?.sandbox ?? false,
    updatedAt: row?.updatedAt.toISOString() ?? null,
    secretsReady: secrets().keyId !== null,
  };
}

export async function updateWecomSettings(ctx: Ctx, input: WecomSettingsInput, opts: { publicUrl: string }) {
  await inTransaction(ctx, async (tx) => {
    const row = await findWecomSettings(tx.db, tx.tenantId, { lock: true });
    const sameCorp = row?.corpId === input.corpId;
    if (!input.secret && !(row && sameCorp))
      throw invalid('secret', row ? 'is required when the corp id changes' : 'is required the first time');
    // The demo's sandbox row keeps pointing at the sandbox while it stays on the sandbox corp.
    const keepSandbox = Boolean(row?.sandbox && sameCorp);
    await invalidate(tx, [SETTINGS]);
    await saveWecomSettings(tx.db, {
      tenantId: tx.tenantId,
      corpId: input.corpId,
      agentId: input.agentId,
      token: input.token,
      secret: input.secret ? sealWecom(tx.tenantId, 'secret', input.secret) : row!.secret,
      encodingAesKey: sealWecom(tx.tenantId, 'encodingAesKey', input.encodingAesKey),
      apiBaseUrl: keepSandbox ? (row?.apiBaseUrl ?? null) : null,
      sandbox: keepSandbox,
      updatedAt: tx.clock.now(),
      updatedBy: actorId(tx),
    });
    const changed = (k: 'corpId' | 'agentId' | 'token') => row?.[k] !== input[k];
    await tx.audit({
      action: 'messaging.wecom_settings.update',
      entityType: 'wecom_settings',
      entityId: 'wecom',
      summary: `Changed the WeCom settings (corp ${input.corpId}, agent ${input.agentId})`,
      changes: {
        corpId: input.corpId,
        agentId: input.agentId,
        ...(changed('token') ? { token: 'replaced' } : {}),
        ...(row && openWecom(row, 'encodingAesKey') === input.encodingAesKey ? {} : { encodingAesKey: 'replaced' }),
        ...(input.secret ? { secret: 'replaced' } : {}),
      },
    });
  });
  return wecomSettingsView(ctx, opts.publicUrl);
}

/** Read cache tag of a tenant's WeCom settings (platform/read-cache: dropped in every process on save). */
const SETTINGS = 'wecom-settings';

/**
 * The stored settings opened, or null when the tenant has none. Read on every callback and WeCom call,
 * so kept in the read cache (outside transactions) and invalidated by both ways of saving them.
 */
export async function tenantWecomSettings(ctx: Ctx) {
  const { settings } = await cached(ctx, 'wecom:settings', [SETTINGS], async () => {
    const row = await findWecomSettings(ctx.db, ctx.tenantId);
    return { settings: row ? openSettings(row) : null };
  });
  return settings;
}

/** A client of the tenant's corp (WeCom, or the sandbox for the demo's sandbox row). */
export async function tenantWecomClient(ctx: Ctx, opts: { fetch?: typeof fetch } = {}) {
  const s = await tenantWecomSettings(ctx);
  if (!s) return null;
  return createWecomClient({
    corpId: s.corpId,
    secret: s.secret,
    clock: ctx.clock,
    ...(s.apiBaseUrl ? { baseUrl: s.apiBaseUrl } : {}),
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
  });
}

/** Runs WeCom's setup checks with the stored settings; answers each step and the one that failed. */
export async function testWecomSettings(ctx: Ctx, opts: { fetch?: typeof fetch } = {}): Promise<WecomConnectionResult> {
  const client = await tenantWecomClient(ctx, opts);
  if (!client)
    throw new AppError(409, 'WECOM_NOT_CONFIGURED', 'Save the WeCom settings (corp id, secret, agent id) first');
  return testWecomConnection(client);
}

export const newCallbackSecrets = () => generateCallbackSecrets();

export type SandboxWecomSettings = {
  corpId: string;
  agentId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  apiBaseUrl: string;
};

/** DEMO ONLY: points a tenant's WeCom at the sandbox this API serves (marked `sandbox`). */
export async function saveSandboxWecomSettings(ctx: Ctx, s: SandboxWecomSettings) {
  if (processMode() !== 'demo') throw new Error('sandbox WeCom settings exist in demo mode only');
  await inTransaction(ctx, async (tx) => {
    await invalidate(tx, [SETTINGS]);
    await saveWecomSettings(tx.db, {
      tenantId: tx.tenantId,
      corpId: s.corpId,
      agentId: s.agentId,
      token: s.token,
      secret: sealWecom(tx.tenantId, 'secret', s.secret),
      encodingAesKey: sealWecom(tx.tenantId, 'encodingAesKey', s.encodingAesKey),
      apiBaseUrl: s.apiBaseUrl,
      sandbox: true,
      updatedAt: tx.clock.now(),
      updatedBy: null,
    });
  });
}
