import { ordersEn } from './i18n.en';
import { ordersZh } from './i18n.zh';

/** The strings of the orders area (list, detail, statistics, settings), by language. */
export const ordersAreaZh = { orders: ordersZh };
export const ordersAreaEn = { orders: ordersEn };

/** Texts of the error codes of orders, merged into `errors`. */
export const ordersErrorsZh = {
  ORDER_STATE: '订单当前状态不允许此操作',
  ORDER_CLOSED: '订单已关闭',
  ZERO_TOTAL: '改价后应付金额至少 ¥0.01',
  NOT_EXPRESS: '到店自提的订单没有收货地址',
};

export const ordersErrorsEn: typeof ordersErrorsZh = {
  ORDER_STATE: 'The order is not in a state that allows this',
  ORDER_CLOSED: 'The order is closed',
  ZERO_TOTAL: 'The adjusted total must be at least ¥0.01',
  NOT_EXPRESS: 'A pick-up order has no delivery address',
};
