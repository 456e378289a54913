/**
 * A tenant's SMS provider settings: validated, the key secret sealed, audited without secrets, and the
 * tenant's cached senders dropped. Sandbox rows (demo) keep their keys and endpoint.
 */
import type { SmsSettingsInput } from '@siyu/contracts';
import type { z } from 'zod';
import { actorId, type Ctx, inTransaction, invalid, processMode, randomToken } from '../../platform';
import { forgetTenantChannels } from './senders';
import { sealSecret, type SmsConfigJson } from './settings.model';
import { lockChannelSettings, saveChannelSettings } from './settings.repo';
import { smsSettingsView } from './settings.view';
import { VERIFY_CODE_TEMPLATE, verifyCodeTemplateProblem } from './verification-sms';

type Input = z.output<typeof SmsSettingsInput>;

function checkTemplates(input: Input) {
  const keys = new Set<string>();
  input.templates.forEach((t, i) => {
    if (keys.has(t.key)) throw invalid(`templates.${i}.key`, `"${t.key}" is used twice`);
    keys.add(t.key);
    const inText = new Set([...t.text.matchAll(/\$\{(\w+)\}/g)].map((m) => m[1]));
    const missing = t.params.find((p) => !inText.has(p));
    if (missing) throw invalid(`templates.${i}.params`, `"${missing}" does not appear in the text as \${${missing}}`);
    const extra = [...inText].find((p) => p && !t.params.includes(p));
    if (extra) throw invalid(`templates.${i}.params`, `the text uses \${${extra}}; list it`);
    const codeProblem = t.key === VERIFY_CODE_TEMPLATE ? verifyCodeTemplateProblem(t) : null;
    if (codeProblem) throw invalid(`templates.${i}.params`, codeProblem);
    if (input.provider === 'tencent' && !/^\d+$/.test(t.code))
      throw invalid(`templates.${i}.code`, 'a Tencent Cloud TemplateId is digits');
    if (input.provider === 'aliyun' && !/^SMS_\d+$/.test(t.code))
      throw invalid(`templates.${i}.code`, 'an Alibaba Cloud TemplateCode looks like SMS_123456789');
  });
}

export async function updateSmsSettings(ctx: Ctx, input: Input, opts: { publicUrl: string }) {
  checkTemplates(input);
  await inTransaction(ctx, async (tx) => {
    const row = await lockChannelSettings(tx.db, tx.tenantId, 'sms');
    const old = (row?.config ?? {}) as Partial<SmsConfigJson>;
    const keep = row?.sandbox && row.provider === input.provider;
    const sameProvider = row?.provider === input.provider;
    const sealed = sameProvider ? { ...(row?.secrets ?? {}) } : {};
    if (input.keySecret) sealed.keySecret = sealSecret(tx.tenantId, 'sms', 'keySecret', input.keySecret);
    const config: SmsConfigJson = {
      signName: input.signName,
      templates: input.templates,
      keyId: keep ? (old.keyId ?? null) : (input.keyId ?? (sameProvider ? old.keyId : null) ?? null),
      sdkAppId: input.provider === 'tencent' ? (input.sdkAppId ?? old.sdkAppId ?? null) : null,
      region: input.region ?? (sameProvider ? old.region : null) ?? null,
      replyToken: old.replyToken ?? randomToken(18),
      ...(keep && old.endpoint ? { endpoint: old.endpoint } : {}),
    };
    if (input.enabled) {
      if (!config.keyId) throw invalid('keyId', 'is required to enable SMS');
      if (!sealed.keySecret) throw invalid('keySecret', 'is required to enable SMS');
      if (input.provider === 'tencent' && !config.sdkAppId) throw invalid('sdkAppId', 'is required for Tencent Cloud');
    }
    await saveChannelSettings(tx.db, {
      tenantId: tx.tenantId,
      channel: 'sms',
      provider: input.provider,
      enabled: input.enabled,
      sandbox: Boolean(keep),
      config,
      secrets: sealed,
      updatedAt: tx.clock.now(),
      updatedBy: actorId(tx),
    });
    await tx.audit({
      action: 'messaging.sms_settings.update',
      entityType: 'channel_settings',
      entityId: 'sms',
      summary: `Changed the SMS settings (${input.provider}, ${input.enabled ? 'enabled' : 'disabled'})`,
      changes: {
        provider: input.provider,
        signName: input.signName,
        templates: input.templates.map((t) => t.key),
        ...(input.keySecret ? { keySecret: 'replaced' } : {}),
      },
    });
  });
  forgetTenantChannels(ctx.tenantId);
  return smsSettingsView(ctx, opts.publicUrl);
}

export type SandboxSmsSettings = {
  provider: 'aliyun' | 'tencent';
  keyId: string;
  keySecret: string;
  sdkAppId?: string;
  endpoint: string;
  signName: string;
  templates: SmsConfigJson['templates'];
};

/** DEMO ONLY: points a tenant's SMS at the sandbox this API serves, marked `sandbox`. */
export async function saveSandboxSmsSettings(ctx: Ctx, s: SandboxSmsSettings) {
  if (processMode() !== 'demo') throw new Error('sandbox SMS settings exist in demo mode only');
  await inTransaction(ctx, async (tx) => {
    const row = await lockChannelSettings(tx.db, tx.tenantId, 'sms');
    const old = (row?.config ?? {}) as Partial<SmsConfigJson>;
    await saveChannelSettings(tx.db, {
      tenantId: tx.tenantId,
      channel: 'sms',
      provider: s.provider,
      enabled: true,
      sandbox: true,
      config: {
        signName: s.signName,
        templates: s.templates,
        keyId: s.keyId,
        sdkAppId: s.sdkAppId ?? null,
        region: null,
        replyToken: old.replyToken ?? randomToken(18),
        endpoint: s.endpoint,
      } satisfies SmsConfigJson,
      secrets: { keySecret: sealSecret(tx.tenantId, 'sms', 'keySecret', s.keySecret) },
      updatedAt: tx.clock.now(),
      updatedBy: null,
    });
  });
  forgetTenantChannels(ctx.tenantId);
}
