import type { Address, CheckoutInput } from '@siyu/contracts';
import type { z } from 'zod';
import { getOrgUnit, listOrgUnits } from '../../access';
import { badRequest, type Ctx, invalid } from '../../platform';
import { addressOf } from '../cart/addresses.service';
import { selectedLines } from '../cart/cart.service';
import { type CheckoutLine, type PricingState, runPricing } from './pricing';
import { getOrderSettings } from './settings.service';

export type CheckoutRequest = z.output<typeof CheckoutInput>;
export type Checkout = {
  state: PricingState;
  fromCart: boolean;
  lines: CheckoutLine[];
  address: Address | null;
  storeId: string | null;
};

/** Stores where orders can be picked up (none when pick-up is off). */
export async function pickupStores(ctx: Ctx) {
  const settings = await getOrderSettings(ctx);
  if (!settings.shipping.pickup.enabled) return { items: [] };
  const units = (await listOrgUnits(ctx)).items.filter((u) => u.kind === 'store');
  return { items: units.map((u) => ({ id: u.id, name: u.name, address: u.address })) };
}

async function pickupStore(ctx: Ctx, storeId: string | undefined) {
  if (!storeId) throw invalid('storeId', 'choose the store to pick up from');
  const unit = await getOrgUnit(ctx, storeId).catch(() => null);
  if (unit?.kind !== 'store') throw invalid('storeId', 'no such store');
  return unit.id;
}

/** Resolves what is bought and how it is delivered, then prices it through the pipeline. */
export async function checkout(ctx: Ctx, customerId: string, input: CheckoutRequest): Promise<Checkout> {
  const settings = await getOrderSettings(ctx);
  const fromCart = !input.buyNow;
  const lines = input.buyNow ? [input.buyNow] : await selectedLines(ctx, customerId);
  if (!lines.length) throw badRequest('EMPTY_CHECKOUT', 'Nothing to buy: select items in the cart or use buyNow');
  let address: Address | null = null;
  let storeId: string | null = null;
  if (input.delivery === 'pickup') {
    if (!settings.shipping.pickup.enabled) throw invalid('delivery', 'this shop does not offer pick-up');
    storeId = await pickupStore(ctx, input.storeId);
  } else {
    if (!settings.shipping.express.enabled) throw invalid('delivery', 'this shop does not deliver by express');
    address = await addressOf(ctx, customerId, input.addressId);
  }
  const state = await runPricing(ctx, {
    lines,
    customerId,
    delivery: input.delivery,
    destination: address ? { province: address.province } : null,
    storeId,
    settings,
  });
  return { state, fromCart, lines, address, storeId };
}

export async function previewCheckout(ctx: Ctx, customerId: string, input: CheckoutRequest) {
  const c = await checkout(ctx, customerId, input);
  return {
    breakdown: c.state.breakdown,
    delivery: input.delivery,
    address: c.address,
    storeId: c.storeId,
    problems: c.state.problems,
  };
}
