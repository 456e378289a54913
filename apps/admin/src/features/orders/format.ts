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

export const ORDER_ID = /^ord_[A-Za-z0-9_-]+$/;
