export * from './access';
export * from './access.routes';
export * from './catalog';
export * from './common';
export * from './customer-follow-ups';
export * from './customer-tags';
export * from './customers';
export * from './customers.routes';
export * from './data-jobs';
export * from './events';
export * from './messaging-groups';
export * from './messaging-live-codes';
export * from './messaging-landing';
export * from './messaging-owned';
export * from './messaging-qr';
export * from './messaging-wecom';
export * from './messaging-wecom-sync';
export * from './messaging-wecom-sandbox';
export * from './orders';
export * from './permissions';
export * from './routes';
export * from './shop';

import { adminRoutes } from './access.routes';
import {
  catalogCategoryRoutes,
  catalogHotWordRoutes,
  catalogProductRoutes,
  catalogStockRoutes,
  shopCatalogRoutes,
  shopHotWordRoutes,
} from './catalog';
import { followUpRoutes } from './customer-follow-ups';
import { tagRoutes } from './customer-tags';
import { customerRoutes, shopEventRoutes } from './customers.routes';
import { dataJobRoutes } from './data-jobs';
import { groupCodeRoutes, groupRoutes } from './messaging-groups';
import { landingRoutes, shopLandingRoutes } from './messaging-landing';
import { liveCodeRoutes } from './messaging-live-codes';
import { liveCodeQrRoutes } from './messaging-qr';
import { ownedChannelRoutes } from './messaging-owned';
import { wecomSettingsRoutes } from './messaging-wecom';
import { wecomSyncRoutes } from './messaging-wecom-sync';
import { wecomSandboxRoutes } from './messaging-wecom-sandbox';
import type { RouteDef } from './routes';
import { adminOrderRoutes, paymentSettingsRoutes, shopOrderRoutes } from './orders';
import { devRoutes, shopRoutes } from './shop';

/** Every route of the HTTP API, for registration, OpenAPI and the bad-input corpus test. */
export const allRoutes: Record<string, RouteDef> = {
  ...prefixKeys('admin', adminRoutes),
  ...prefixKeys('customers', customerRoutes),
  ...prefixKeys('shopEvents', shopEventRoutes),
  ...prefixKeys('tags', tagRoutes),
  ...prefixKeys('followUps', followUpRoutes),
  ...prefixKeys('dataJobs', dataJobRoutes),
  ...prefixKeys('catalog', catalogCategoryRoutes),
  ...prefixKeys('catalog', catalogProductRoutes),
  ...prefixKeys('catalog', catalogStockRoutes),
  ...prefixKeys('catalog', catalogHotWordRoutes),
  ...prefixKeys('shopCatalog', shopCatalogRoutes),
  ...prefixKeys('shopCatalog', shopHotWordRoutes),
  ...prefixKeys('orders', adminOrderRoutes),
  ...prefixKeys('shopOrders', shopOrderRoutes),
  ...prefixKeys('paymentSettings', paymentSettingsRoutes),
  ...prefixKeys('ownedChannels', ownedChannelRoutes),
  ...prefixKeys('wecomSettings', wecomSettingsRoutes),
  ...prefixKeys('wecomSync', wecomSyncRoutes),
  ...prefixKeys('wecomSandbox', wecomSandboxRoutes),
  ...prefixKeys('liveCodes', liveCodeRoutes),
  ...prefixKeys('liveCodeQr', liveCodeQrRoutes),
  ...prefixKeys('landing', landingRoutes),
  ...prefixKeys('shopLanding', shopLandingRoutes),
  ...prefixKeys('groups', groupRoutes),
  ...prefixKeys('groupCodes', groupCodeRoutes),
  ...prefixKeys('shop', shopRoutes),
  ...prefixKeys('dev', devRoutes),
};

function prefixKeys(prefix: string, routes: Record<string, RouteDef>) {
  return Object.fromEntries(Object.entries(routes).map(([k, v]) => [`${prefix}.${k}`, v]));
}
