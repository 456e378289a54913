import type { OrderSettings, PriceBreakdown } from '@siyu/contracts';
import { type SkuSnapshot, skuSnapshots } from '../../catalog';
import type { Ctx } from '../../platform';
import { issueOf } from '../cart/cart.service';

export type CheckoutLine = { skuId: string; quantity: number };
export type Destination = { province: string } | null;

/** What a pricing step sees and changes. Discount steps push adjustments (negative fen) by source. */
export type PricingState = {
  input: {
    lines: CheckoutLine[];
    customerId: string;
    delivery: 'express' | 'pickup';
    destination: Destination;
    /** Pick-up: stock is judged at this store. */
    storeId: string | null;
    settings: OrderSettings;
  };
  snapshots: Map<string, SkuSnapshot>;
  breakdown: PriceBreakdown;
  /** Lines that cannot be bought as asked (the SKU's issue). */
  problems: { skuId: string; issue: string }[];
};

/**
 * One step of the pipeline. The promotions domain (earlier in the domain order, so orders may call
 * it) adds its steps to DISCOUNT_STEPS: coupons, points, member prices, campaign prices — each pushes
 * `{source, label, amount}` into `breakdown.discounts` and may change unit prices of lines.
 */
export type PricingStep = { name: string; apply(ctx: Ctx, s: PricingState): Promise<void> | void };

const itemsStep: PricingStep = {
  name: 'items',
  async apply(ctx, s) {
    s.snapshots = await skuSnapshots(
      ctx,
      s.input.lines.map((l) => l.skuId),
      s.input.storeId ?? undefined,
    );
    for (const l of s.input.lines) {
      const snap = s.snapshots.get(l.skuId);
      const issue = issueOf(snap, l.quantity);
      if (issue) s.problems.push({ skuId: l.skuId, issue });
      if (!snap) continue;
      s.breakdown.lines.push({
        skuId: l.skuId,
        productId: snap.productId,
        title: snap.title,
        specText: snap.specText,
        unitPrice: snap.price,
        quantity: l.quantity,
        lineTotal: snap.price * l.quantity,
      });
    }
    s.breakdown.itemsTotal = s.breakdown.lines.reduce((n, l) => n + l.lineTotal, 0);
  },
};

/** Discount steps by source, in order; none yet (the promotions issue adds them). */
export const DISCOUNT_STEPS: PricingStep[] = [];

/** Express: the province's rule or the flat fee, free at or above the threshold (after discounts). Pick-up: free. */
export function shippingFee(settings: OrderSettings, delivery: 'express' | 'pickup', dest: Destination, goods: number) {
  if (delivery === 'pickup') return 0;
  const rules = settings.shipping.express;
  const province = dest ? rules.provinces.find((p) => p.province === dest.province) : undefined;
  const fee = province?.fee ?? rules.flatFee;
  const freeOver = province ? province.freeOver : rules.freeOver;
  return freeOver !== null && goods >= freeOver ? 0 : fee;
}

const shippingStep: PricingStep = {
  name: 'shipping',
  apply(_ctx, s) {
    const goods = s.breakdown.itemsTotal - s.breakdown.discountTotal;
    s.breakdown.shippingFee = shippingFee(s.input.settings, s.input.delivery, s.input.destination, goods);
  },
};

const totalStep: PricingStep = {
  name: 'total',
  apply(_ctx, s) {
    const b = s.breakdown;
    b.discountTotal = Math.min(b.itemsTotal, -b.discounts.reduce((n, d) => n + d.amount, 0));
    b.total = b.itemsTotal - b.discountTotal + b.shippingFee;
  },
};

const discountTotalStep: PricingStep = {
  name: 'discount-total',
  apply: (ctx, s) => totalStep.apply(ctx, s),
};

/** items → discounts by source → shipping → total. */
export const pricingSteps = (): PricingStep[] => [
  itemsStep,
  ...DISCOUNT_STEPS,
  discountTotalStep,
  shippingStep,
  totalStep,
];

export async function runPricing(ctx: Ctx, input: PricingState['input']): Promise<PricingState> {
  const s: PricingState = {
    input,
    snapshots: new Map(),
    breakdown: { lines: [], itemsTotal: 0, discounts: [], discountTotal: 0, shippingFee: 0, total: 0 },
    problems: [],
  };
  for (const step of pricingSteps()) await step.apply(ctx, s);
  return s;
}
