export * from './orders-admin';
export * from './orders-common';
export * from './orders-shop';
export * from './orders-payment-settings';
