/**
 * messaging: channels to customers. ./wecom: the WeCom adapter (callback crypto, typed client,
 * access tokens, limits, events, paging, test connection) and the demo-only WeCom sandbox (see
 * docs/wecom.md). ./owned: SMS and email (exported at the end).
 */
export {
  aesKeyOf,
  type CallbackKeys,
  callbackSignature,
  decryptMessage,
  decryptSigned,
  encryptMessage,
  encryptSigned,
  generateCallbackSecrets,
  type SignedQuery,
  verifyUrl,
  WecomCryptoError,
  type WecomCryptoErrorCode,
} from './wecom/crypto';
export {
  buildCallbackXml,
  type CallbackEnvelope,
  type CallbackFormat,
  decryptCallback,
  type DecryptedCallback,
  encryptCallback,
  parseCallbackXml,
  parseEnvelope,
} from './wecom/callback';
export { callbackIdentity, type ContactChange, parseWecomEvent, type WecomEvent } from './wecom/events';
export { WECOM_LIMITS } from './wecom/limits';
export { WecomError, type WecomErrorCode, wecomErrorCodeOf } from './wecom/errors';
export { type AccessTokenStore, createAccessTokenStore, sharedAccessTokens } from './wecom/tokens';
export { WECOM_BASE_URL, type WecomClientConfig } from './wecom/transport';
export { createWecomClient, type WecomClient } from './wecom/client';
export { customerPages, groupPages, memberIdPages, type Page, pagesOf } from './wecom/pages';
export {
  type ConnectionProblem,
  type ConnectionStep,
  type ConnectionStepName,
  testWecomConnection,
} from './wecom/connection';
export type { Attachment } from './wecom/endpoint';
export type {
  ContactWay,
  ContactWayInput,
  CorpTagGroup,
  ExternalContact,
  FollowUser,
} from './wecom/contacts.endpoints';
export type { GroupChat, GroupMember, GroupWelcomeTemplate, JoinWay, JoinWayInput } from './wecom/groups.endpoints';
export type { BehaviorData, Department, Member } from './wecom/org.endpoints';
export {
  createWecomSandbox,
  type SandboxCorpInput,
  type SandboxHttpRequest,
  type SandboxHttpResponse,
  type WecomSandbox,
  type WecomSandboxOptions,
} from './wecom/sandbox/sandbox';
export { SandboxError, type ScanResult } from './wecom/sandbox/sandbox-simulate';
export type { QrCodeUrl, QrKind } from './wecom/sandbox/sandbox-context';
export { type RunningServer, sandboxFetch, serveOnLoopback } from './wecom/sandbox/sandbox-http';
export type {
  SbxContact as SandboxContact,
  SbxCorp as SandboxCorpState,
  SbxDelivery as SandboxDelivery,
  SbxGroup as SandboxGroup,
  SbxMassMessage as SandboxMassMessage,
  SbxWelcomeSent as SandboxWelcomeSent,
} from './wecom/sandbox/sandbox-model';
export * from './owned';
export * from './wecom-channel';
export * from './live-codes';
export * from './wecom-sync';
export * from './group-chats';
export * from './group-codes';
export { type QrFile, type QrFileInput, qrCodeFile, readQrContent } from './qr';
export * from './landing';

import { mergeRegistries, type Registry } from '../platform';
import { groupCodeJobs } from './group-codes';
import { liveCodesRegistry } from './live-codes';
import { wecomChannelJobs } from './wecom-channel';
import { wecomSyncRegistry } from './wecom-sync';

/** messaging's jobs (the WeCom delivery processor, group codes, WeCom sync, live codes) and subscribers (mark_tag, live codes). */
export const messagingRegistry: Partial<Registry> = mergeRegistries(
  { jobs: wecomChannelJobs },
  { jobs: groupCodeJobs },
  wecomSyncRegistry,
  liveCodesRegistry,
);
