import type { OrderStatus } from '@siyu/contracts';

export const ORDER_STATUSES: OrderStatus[] = [
  'pending_payment',
  'paid',
  'shipped',
  'delivered',
  'completed',
  'cancelled',
  'closed',
];

export const STATUS_COLOR: Record<OrderStatus, string> = {
  pending_payment: 'orange',
  paid: 'blue',
  shipped: 'cyan',
  delivered: 'geekblue',
  completed: 'green',
  cancelled: 'default',
  closed: 'default',
};

export const PAYMENT_METHODS = ['wechat_jsapi', 'wechat_h5', 'wechat_native', 'alipay_wap', 'alipay_page'] as const;

/** A whole order number (ord_ and 26 characters). */
export const ORDER_ID = /^ord_[0-9a-z]{26}$/;
/** The beginning of an order number (the list's orderNo filter): at least 4 characters after ord_. */
export const ORDER_NO_PREFIX = /^(ord_)?[0-9a-z]{4,32}$/;
