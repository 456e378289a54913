/**
 * What became of a demo order: a few were never paid (closed at the deadline, or cancelled by the
 * shopper), the rest were paid within minutes and fulfilled — made in the store and picked up, sent
 * by courier within the hour (外送), or shipped as a parcel the same evening or the next day — and
 * confirmed. Steps that would lie after `now` are not taken: recent orders stay shipped or delivered.
 */
import type { HistoricalOrder, HistoryStep } from '@siyu/core/orders';
import { HOUR, MINUTE, SECOND } from '@siyu/core/platform';
import type { Rng } from './seed-orders.basket';

const CHANNELS = [
  ['wechat_jsapi', 80],
  ['alipay_wap', 11],
  ['wechat_h5', 5],
  ['alipay_page', 2],
  ['wechat_native', 2],
] as const;
const CARRIERS = [
  ['顺丰速运', 'SF', 55],
  ['京东物流', 'JDV', 20],
  ['中通快递', '7531', 15],
  ['圆通速递', 'YT', 10],
] as const;
const PICKUP_REMARKS = ['少冰', '去冰', '半糖', '少糖', '换燕麦奶', '热一点', '打包带走', '不要吸管'];
const PARCEL_REMARKS = ['放门卫室', '工作日送达', '请先电话联系', '送人的，不要放小票'];

export type OutcomeInput = {
  placedAt: Date;
  now: Date;
  paymentMinutes: number;
  /** pickup: made in the store; courier: drinks delivered within the hour; parcel: shipped by express. */
  kind: 'pickup' | 'courier' | 'parcel';
  shippers: string[];
  dayStart: Date;
  nextDayStart: Date | null;
};

const after = (d: Date, ms: number) => new Date(d.getTime() + ms);
const digits = (rng: Rng, n: number) => Array.from({ length: n }, () => rng.int(0, 9)).join('');

/** The parcel leaves at 17–19 h when paid before 16 h, otherwise the next day between 10 and 18 h. */
function parcelShipped(rng: Rng, paid: Date, o: OutcomeInput) {
  if (paid.getTime() - o.dayStart.getTime() < 16 * HOUR) return after(o.dayStart, (17 + rng.next() * 2) * HOUR);
  return after(o.nextDayStart ?? after(o.dayStart, 24 * HOUR), (10 + rng.next() * 8) * HOUR);
}

function fulfilment(rng: Rng, paid: Date, o: OutcomeInput) {
  const by = o.shippers.length ? rng.pick(o.shippers) : undefined;
  if (o.kind === 'pickup') {
    const made = after(paid, (3 + rng.next() * 9) * MINUTE);
    const code = `${'ABC'[rng.int(0, 2)]}${rng.int(100, 999)}`;
    return {
      carrier: '门店自提',
      trackingNo: code,
      steps: [
        { to: 'shipped', at: made, actor: by, note: `门店自提 取餐号 ${code}` },
        { to: 'completed', at: after(made, (3 + rng.next() * 37) * MINUTE), note: 'receipt confirmed' },
      ] satisfies HistoryStep[],
    };
  }
  if (o.kind === 'courier') {
    const sent = after(paid, (5 + rng.next() * 10) * MINUTE);
    const there = after(sent, (20 + rng.next() * 30) * MINUTE);
    return {
      carrier: '达达快送',
      trackingNo: `DD${digits(rng, 12)}`,
      steps: [
        { to: 'shipped', at: sent, actor: by },
        { to: 'delivered', at: there, actor: by },
        { to: 'completed', at: after(there, rng.next() * 3 * HOUR), note: 'receipt confirmed' },
      ] satisfies HistoryStep[],
    };
  }
  const [carrier, prefix] = rng.weighted(CARRIERS.map(([c, p, w]) => [[c, p], w] as const));
  const shipped = parcelShipped(rng, paid, o);
  const delivered = after(shipped, (18 + rng.next() * 42) * HOUR);
  const steps: HistoryStep[] = [{ to: 'shipped', at: shipped, actor: by }];
  if (rng.chance(0.2))
    steps.push({ to: 'completed', at: after(shipped, (24 + rng.next() * 48) * HOUR), note: 'receipt confirmed' });
  else
    steps.push(
      { to: 'delivered', at: delivered, actor: by },
      { to: 'completed', at: after(delivered, (1 + rng.next() * 95) * HOUR), note: 'receipt confirmed' },
    );
  return { carrier, trackingNo: `${prefix}${digits(rng, 16 - prefix.length)}`, steps };
}

/** The order's payment, fulfilment and remark; null when it would still wait for payment or shipping now. */
export function outcome(
  rng: Rng,
  o: OutcomeInput,
): Pick<HistoricalOrder, 'steps' | 'channel' | 'carrier' | 'trackingNo' | 'buyerRemark'> | null {
  const r = rng.next();
  const channel = rng.weighted(CHANNELS);
  const remarks = o.kind === 'pickup' ? PICKUP_REMARKS : PARCEL_REMARKS;
  const buyerRemark = rng.chance(o.kind === 'pickup' ? 0.1 : 0.06) ? rng.pick(remarks) : null;
  let steps: HistoryStep[];
  if (r < 0.035) {
    steps = [{ to: 'closed', at: after(o.placedAt, o.paymentMinutes * MINUTE + rng.int(5, 60) * SECOND) }];
    return keep(steps, o.now) && { steps, channel: rng.chance(0.4) ? channel : null, buyerRemark };
  }
  if (r < 0.05) {
    steps = [{ to: 'cancelled', at: after(o.placedAt, rng.int(30, 720) * SECOND) }];
    return keep(steps, o.now) && { steps, channel: rng.chance(0.3) ? channel : null, buyerRemark };
  }
  const paid = after(o.placedAt, rng.int(15, 200) * SECOND);
  const f = fulfilment(rng, paid, o);
  steps = [{ to: 'paid' as const, at: paid }, ...f.steps].filter((s) => s.at <= o.now);
  return keep(steps, o.now) && { steps, channel, buyerRemark, carrier: f.carrier, trackingNo: f.trackingNo };
}

/** Orders still unpaid, or paid and not yet shipped, at `now` are left out (they would hold stock). */
const keep = (steps: HistoryStep[], now: Date) =>
  steps.length > 0 && steps.every((s) => s.at <= now) && steps.at(-1)!.to !== 'paid' ? true : null;
