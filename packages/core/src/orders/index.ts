/**
 * orders: cart, addresses, shipping rules, the checkout pricing pipeline, orders and their state
 * machine, payment attempts and provider notifications. The provider layer is in ./payments.
 */
import { mergeRegistries } from '../platform';
import { reconcileJobs } from './billing/reconcile.jobs';
import { refundJobs } from './billing/refund.jobs';
import { ordersJobs } from './lifecycle/orders.jobs';
import { ordersSubscribers } from './orders.subscribers';

export * from './payments';
export { addressOf, createAddress, deleteAddress, listAddresses, updateAddress } from './cart/addresses.service';
export { addToCart, getCart, quoteGuestCart, removeCartItem, updateCartItem } from './cart/cart.service';
export { mergeGuestCart } from './cart/guest-merge.service';
export { pickupStores, previewCheckout } from './checkout/checkout.service';
export { DISCOUNT_STEPS, type PricingState, type PricingStep, shippingFee } from './checkout/pricing';
export { DEFAULT_ORDER_SETTINGS, getOrderSettings, updateOrderSettings } from './checkout/settings.service';
export { buyAgain, orderById, placeOrder } from './lifecycle/place-order.service';
export {
  addRemark,
  adjustPrice,
  changeAddress,
  confirmReceipt,
  deliverOrder,
  endUnpaid,
} from './lifecycle/lifecycle.service';
export { shipOrder } from './lifecycle/ship.service';
export { CLOSE_EXPIRED_JOB } from './lifecycle/orders.jobs';
export { RECONCILE_JOB } from './billing/reconcile.jobs';
export { REFUND_JOB, refundPayment } from './billing/refund.service';
export { NEXT as ORDER_TRANSITIONS } from './lifecycle/state-machine';
export { myOrderCounts, myOrders } from './lifecycle/queries.service';
export { adminOrder, dailyStats, listOrders } from './admin/admin-orders.service';
export { exportOrders } from './admin/export.service';
export { type HistoricalOrder, type HistoryStep, loadOrderHistory } from './bulk-load.service';
export { payOrder } from './billing/pay.service';
export { handlePaymentNotification } from './billing/settle.service';
export {
  getPaymentSettings,
  type SandboxSettings,
  saveSandboxPaymentSettings,
  updatePaymentSettings,
} from './billing/payment-settings.service';
export {
  resealPaymentSecrets,
  testPaymentSettings,
  unreadablePaymentSecrets,
} from './billing/payment-settings.check';
export {
  forgetTenantPayments,
  overrideTenantPayments,
  type TenantPayments,
  tenantPayments,
} from './billing/providers';

export const ordersRegistry = mergeRegistries({
  jobs: { ...ordersJobs, ...reconcileJobs, ...refundJobs },
  subscribers: ordersSubscribers,
});
