import type { paymentSettingsZh } from './i18n.zh';

type Shape<T> = { [K in keyof T]: T[K] extends string ? string : Shape<T[K]> };

/** Strings of the payment settings page (English); same keys as `i18n.zh.ts`. */
export const paymentSettingsEn: Shape<typeof paymentSettingsZh> = {
  nav: 'Payment settings',
  title: 'Payment settings',
  intro:
    "Your brand's own WeChat Pay and Alipay merchant details. Private keys and the APIv3 key are stored encrypted and never shown again; leave them blank to keep them.",
  secretsMissing:
    'The server has no master key (SIYU_SECRET_KEY), so keys cannot be saved. Ask your operator to set it, then try again.',
  demoSandbox:
    'These are the demo sandbox settings (for demonstration only, no real money). You may switch channels; to use a real merchant, turn off "Use the demo sandbox" and give every key.',
  useSandbox: 'Use the demo sandbox',
  enabled: 'Enabled',
  channels: 'Channels',
  channelsHint: 'How shoppers may pay at checkout; choose at least one to enable.',
  notSet: 'Not set',
  setFingerprint: 'Set · fingerprint {{fingerprint}}',
  set: 'Set',
  keepBlank: 'Set: leave blank to keep it, fill in to replace it',
  pastePem: 'Paste the PEM text, or pick a file',
  pickFile: 'Pick a file',
  fileTooLarge: 'The file is too large; a PEM file is usually under 12 KB',
  notifyUrlBase: 'Notification host',
  notifyUrlBaseHint:
    'The public address of this system (such as https://shop.example.com). Notifications go to: {{url}}',
  updated: 'Last saved: {{at}}',
  save: 'Save',
  saved: 'Saved',
  test: 'Test',
  testOnline: 'Also send one query to the provider (checks the signature and the network)',
  testPassed: 'Test passed',
  testFailed: 'Test failed',
  testNothing: 'No keys are saved yet; save them, then test.',
  check: {
    merchantPrivateKey: 'Merchant private key',
    appPrivateKey: 'Application private key',
    apiV3Key: 'APIv3 key',
    signature: 'Sign and verify',
    merchantCertificate: 'Merchant certificate',
    alipayPublicKey: 'Alipay public key',
    online: 'Provider reachable',
    platformKey: 'Platform key / certificate {{serial}}',
  },
  wechat: {
    title: 'WeChat Pay (API v3)',
    appid: 'Official account / mini program AppID',
    mchid: 'Merchant id',
    merchantSerial: 'Merchant API certificate serial',
    merchantPrivateKey: 'Merchant API private key (apiclient_key.pem)',
    merchantCertificate: 'Merchant API certificate (apiclient_cert.pem, optional)',
    merchantCertificateHint: 'When given, the serial and the private key are checked against it.',
    apiV3Key: 'APIv3 key',
    apiV3KeyHint: 'The 32-character key set in the merchant console; it decrypts notifications.',
    platformKeys: 'WeChat Pay public keys / platform certificates',
    platformKeysHint:
      "Prefer the WeChat Pay public key (its PUB_KEY_ID_… and the key); a certificate's serial may be left blank and is read from it. Keep both while switching.",
    platformSerial: 'Public key id / certificate serial',
    platformKey: 'Public key or certificate (PEM)',
    addPlatformKey: 'Add a public key / certificate',
    noPlatformKeys:
      'None yet. Add at least one WeChat Pay public key or platform certificate before enabling WeChat Pay.',
    removePlatformKey: 'Remove this public key / certificate?',
    expires: 'Expires: {{at}}',
  },
  alipay: {
    title: 'Alipay',
    appId: 'Application AppID',
    appPrivateKey: 'Application private key',
    appPrivateKeyHint: "The PKCS#8 key from Alipay's key tool; bare Base64 without PEM lines is fine.",
    alipayPublicKey: 'Alipay public key',
    alipayPublicKeyHint: 'The Alipay public key shown under the signing settings, not your application public key.',
    gatewayUrl: 'Gateway',
    sellerId: 'Receiving Alipay user id (2088…, optional)',
  },
};
