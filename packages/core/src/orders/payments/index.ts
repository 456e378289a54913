/**
 * The payment provider layer (DESIGN.md R10): one `PaymentProvider` interface, WeChat Pay API v3
 * and Alipay RSA2 implementations, an in-memory fake, and demo-mode sandboxes. See docs/payments.md.
 */
export * from './provider';
export { yuanToFen, fenToYuan } from './yuan';
export { createWechatPayProvider, wechatpayAcknowledgement } from './wechatpay-provider';
export { WECHATPAY_BASE_URL, type WechatPayConfig } from './wechatpay-client';
export { WECHATPAY_MAX_SKEW_MS, type WechatPayPlatformKey } from './wechatpay-verify';
export { encryptSensitiveField, decryptSensitiveField } from './wechatpay-crypto';
export { createAlipayProvider, alipayAcknowledgement } from './alipay-provider';
export { ALIPAY_GATEWAY, type AlipayConfig } from './alipay-client';
export { createFakePaymentProvider, type FakePaymentProvider, FAKE_SIGNATURE_HEADER } from './fake-provider';
export { createWechatPaySandbox, type WechatPaySandbox, type SandboxMerchant } from './wechatpay-sandbox';
export { createAlipaySandbox, type AlipaySandbox, type SandboxApp } from './alipay-sandbox';
export {
  deliverNotification,
  serveSandbox,
  type OutgoingNotification,
  type RunningSandbox,
  type SandboxHandler,
  type SandboxRequest,
  type SandboxResponse,
} from './sandbox-server';
