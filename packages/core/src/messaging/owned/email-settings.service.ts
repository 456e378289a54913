/** A tenant's SMTP settings: password sealed, an unsubscribe-link key generated once, audited, cache dropped. */
import type { EmailSettingsInput } from '@siyu/contracts';
import type { z } from 'zod';
import { actorId, type Ctx, inTransaction, processMode, randomToken } from '../../platform';
import { forgetTenantChannels } from './senders';
import { type EmailConfigJson, sealSecret } from './settings.model';
import { type ChannelSettingsRow, lockChannelSettings, saveChannelSettings } from './settings.repo';
import { emailSettingsView } from './settings.view';

type Input = z.output<typeof EmailSettingsInput>;

function sealedOf(tenantId: string, row: ChannelSettingsRow | null, password: string | undefined, keep: boolean) {
  const sealed = { ...(row?.secrets ?? {}) };
  if (!keep && password) sealed.password = sealSecret(tenantId, 'email', 'password', password);
  if (!sealed.unsubscribeKey) sealed.unsubscribeKey = sealSecret(tenantId, 'email', 'unsubscribeKey', randomToken(32));
  return sealed;
}

export async function updateEmailSettings(ctx: Ctx, input: Input) {
  await inTransaction(ctx, async (tx) => {
    const row = await lockChannelSettings(tx.db, tx.tenantId, 'email');
    const old = (row?.config ?? {}) as Partial<EmailConfigJson>;
    // A demo sandbox row keeps its server; the sender and the switch may change.
    const keep = Boolean(row?.sandbox && input.host === old.host && input.port === old.port);
    const config: EmailConfigJson = {
      host: input.host,
      port: input.port,
      security: input.security,
      user: input.user || null,
      fromAddress: input.fromAddress,
      fromName: input.fromName,
      replyTo: input.replyTo ?? null,
    };
    const sealed = sealedOf(tx.tenantId, row, input.password, keep);
    if (!config.user) delete sealed.password;
    await saveChannelSettings(tx.db, {
      tenantId: tx.tenantId,
      channel: 'email',
      provider: 'smtp',
      enabled: input.enabled,
      sandbox: keep,
      config,
      secrets: sealed,
      updatedAt: tx.clock.now(),
      updatedBy: actorId(tx),
    });
    await tx.audit({
      action: 'messaging.email_settings.update',
      entityType: 'channel_settings',
      entityId: 'email',
      summary: `Changed the email (SMTP) settings (${input.enabled ? 'enabled' : 'disabled'})`,
      changes: {
        host: config.host,
        port: config.port,
        security: config.security,
        user: config.user,
        fromAddress: config.fromAddress,
        ...(input.password && !keep ? { password: 'replaced' } : {}),
      },
    });
  });
  forgetTenantChannels(ctx.tenantId);
  return emailSettingsView(ctx);
}

/** DEMO ONLY: points a tenant's email at the SMTP sandbox this API runs on 127.0.0.1, marked `sandbox`. */
export async function saveSandboxEmailSettings(
  ctx: Ctx,
  s: { host: string; port: number; fromAddress: string; fromName: string },
) {
  if (processMode() !== 'demo') throw new Error('sandbox email settings exist in demo mode only');
  await inTransaction(ctx, async (tx) => {
    const row = await lockChannelSettings(tx.db, tx.tenantId, 'email');
    await saveChannelSettings(tx.db, {
      tenantId: tx.tenantId,
      channel: 'email',
      provider: 'smtp',
      enabled: true,
      sandbox: true,
      config: { ...s, security: 'none', user: null, replyTo: null } satisfies EmailConfigJson,
      secrets: {
        unsubscribeKey:
          row?.secrets.unsubscribeKey ?? sealSecret(tx.tenantId, 'email', 'unsubscribeKey', randomToken(32)),
      },
      updatedAt: tx.clock.now(),
      updatedBy: null,
    });
  });
  forgetTenantChannels(ctx.tenantId);
}
