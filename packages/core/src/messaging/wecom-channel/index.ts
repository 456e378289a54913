/** The tenant side of WeCom: settings, stored callback deliveries and their processing. docs/wecom.md. */
export {
  newCallbackSecrets,
  type SandboxWecomSettings,
  saveSandboxWecomSettings,
  tenantWecomClient,
  tenantWecomSettings,
  testWecomSettings,
  updateWecomSettings,
  wecomCallbackUrl,
  wecomSettingsView,
} from './settings.service';
export {
  type ReceivedDelivery,
  receiveWecomCallback,
  verifyWecomCallbackUrl,
  WECOM_DELIVERY_JOB,
} from './callbacks.service';
export { type ProcessResult, processWecomDelivery } from './process.service';
export { wecomChannelJobs } from './wecom-channel.jobs';
