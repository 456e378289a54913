import { Readable } from 'node:stream';
import { type AdminOrderQuery, ORDER_LIMITS } from '@siyu/contracts';
import { stringify } from 'csv-stringify/sync';
import type { z } from 'zod';
import { getSettings, maskPhone } from '../../access';
import { conflict, type Ctx, startOfDayIn } from '../../platform';
import { fenToYuan } from '../payments';
import { adminOrderRows } from './admin-orders.repo';
import { canSeePii } from './admin-orders.service';

type Filter = Omit<z.output<typeof AdminOrderQuery>, 'cursor' | 'limit'>;

const yuan = (fen: number) => (fen < 0 ? `-${fenToYuan(-fen)}` : fenToYuan(fen));
const HEADER = [
  '订单号',
  '状态',
  '下单时间',
  '支付时间',
  '客户ID',
  '商品',
  '件数',
  '商品金额',
  '优惠',
  '运费',
  '调价',
  '实付',
  '配送方式',
  '收货人',
  '电话',
  '地址',
  '自提门店ID',
  '支付方式',
  '物流公司',
  '运单号',
];

/**
 * The orders of the list filters as CSV, newest first; times in the tenant's zone, money in yuan;
 * recipients' phone numbers masked without customers.pii.
 */
export async function exportOrders(ctx: Ctx, f: Filter) {
  const { timeZone } = await getSettings(ctx);
  const nextDay = (d: string) => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const rows = await adminOrderRows(ctx.db, ctx.tenantId, {
    ...f,
    from: f.from ? startOfDayIn(f.from, timeZone) : undefined,
    to: f.to ? startOfDayIn(nextDay(f.to), timeZone) : undefined,
    limit: ORDER_LIMITS.exportRows + 1,
  });
  if (rows.length > ORDER_LIMITS.exportRows)
    throw conflict('EXPORT_TOO_LARGE', `More than ${ORDER_LIMITS.exportRows} orders match: narrow the filter`, {
      limit: ORDER_LIMITS.exportRows,
    });
  const time = new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'medium' });
  const at = (d: Date | null) => (d ? time.format(d) : '');
  const pii = canSeePii(ctx);
  const lines = rows.map(({ order: o, itemCount, firstTitle }) => {
    const a = o.address;
    return [
      o.id,
      o.status,
      at(o.placedAt),
      at(o.paidAt),
      o.customerId,
      firstTitle ?? '',
      Number(itemCount ?? 0),
      yuan(o.itemsTotal),
      yuan(o.discountTotal),
      yuan(o.shippingFee),
      yuan(o.priceAdjustment),
      yuan(o.total),
      o.delivery,
      a?.name ?? '',
      a ? (pii ? a.phone : maskPhone(a.phone)) : '',
      a ? `${a.province}${a.city}${a.district}${a.detail}` : '',
      o.storeId ?? '',
      o.paymentMethod ?? '',
      o.carrier ?? '',
      o.trackingNo ?? '',
    ];
  });
  return Readable.from([`\uFEFF${stringify([HEADER, ...lines])}`]);
}
