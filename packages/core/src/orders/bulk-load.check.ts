import type { AddressSnapshot, OrderStatus, PaymentMethod } from '@siyu/contracts';
import type { z } from 'zod';
import type { SkuSnapshot } from '../catalog';
import { invalid } from '../platform';
import { NEXT } from './lifecycle/state-machine';

/** One change of a loaded order after it was placed; `actor` defaults to who makes it in the live flow. */
export type HistoryStep = {
  to: Exclude<OrderStatus, 'pending_payment'>;
  at: Date;
  actor?: string;
  note?: string | null;
};

/** An order that happened before: what was bought, how it was delivered, and what became of it. */
export type HistoricalOrder = {
  customerId: string;
  placedAt: Date;
  lines: { skuId: string; quantity: number }[];
  delivery: 'express' | 'pickup';
  /** Express: the delivery address (its province picks the shipping rule). */
  address?: z.output<typeof AddressSnapshot> | null;
  /** Pick-up: the store (an org unit of kind store). */
  storeId?: string | null;
  /** The stock location the units left from (a pick-up order's store by default). */
  locationId?: string;
  /** How it was paid (or how the shopper started paying a cancelled or closed order). */
  channel?: z.output<typeof PaymentMethod> | null;
  carrier?: string | null;
  trackingNo?: string | null;
  buyerRemark?: string | null;
  /** After placing: e.g. paid → shipped → delivered → completed, or cancelled, or closed. */
  steps: HistoryStep[];
};

/** States a loaded order may end in: a pending or paid order would hold stock that history never reserved. */
const FINAL: readonly OrderStatus[] = ['shipped', 'delivered', 'completed', 'cancelled', 'closed'];
export type Known = { skus: Map<string, SkuSnapshot>; stores: Set<string>; locations: Set<string>; now: Date };

/** Checks one order against the state machine, the catalog and the clock; 400 naming the field otherwise. */
export function check(o: HistoricalOrder, i: number, k: Known) {
  const at = (f: string) => `orders[${i}].${f}`;
  if (!o.lines.length) throw invalid(at('lines'), 'must not be empty');
  for (const [j, l] of o.lines.entries()) {
    if (!k.skus.has(l.skuId)) throw invalid(at(`lines[${j}].skuId`), 'no such SKU');
    if (!Number.isInteger(l.quantity) || l.quantity < 1) throw invalid(at(`lines[${j}].quantity`), 'must be ≥ 1');
  }
  if (o.delivery === 'express' && !o.address) throw invalid(at('address'), 'an express order needs an address');
  if (o.delivery === 'pickup' && !(o.storeId && k.stores.has(o.storeId))) throw invalid(at('storeId'), 'no such store');
  const location = o.locationId ?? o.storeId;
  if (!location || !k.locations.has(location)) throw invalid(at('locationId'), 'no such stock location');
  let status: OrderStatus = 'pending_payment';
  let last = o.placedAt;
  for (const [j, s] of o.steps.entries()) {
    if (!NEXT[status].includes(s.to)) throw invalid(at(`steps[${j}].to`), `${status} cannot become ${s.to}`);
    if (s.at < last) throw invalid(at(`steps[${j}].at`), 'must not be before the step before it');
    status = s.to;
    last = s.at;
  }
  if (!FINAL.includes(status)) throw invalid(at('steps'), `must end in ${FINAL.join(', ')}`);
  if (last > k.now) throw invalid(at('steps'), 'must not be in the future');
  if (o.steps[0]?.to === 'paid' && !o.channel) throw invalid(at('channel'), 'a paid order needs its payment channel');
  if (o.steps.some((s) => s.to === 'shipped') && !(o.carrier && o.trackingNo))
    throw invalid(at('carrier'), 'a shipped order needs its carrier and tracking number');
}
