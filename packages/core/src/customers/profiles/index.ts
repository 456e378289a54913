/** customers/profiles: OneID profiles, identities and merges, owners, consent and privacy, custom fields. */
export { createCustomField, deleteCustomField, listCustomFields, updateCustomField } from './custom-fields.service';
export { addOrderStats, addOrderStatsBatch, type OrderStatsDelta } from './order-stats.service';
export {
  addOwner,
  handoverCustomers,
  removeOwner,
  syncWecomOwner,
  transferCustomers,
  type WecomOwnerIn,
} from './owners.service';
export { eraseCustomer, exportPersonalData, setConsent } from './privacy.service';
export { profileSubscribers } from './profiles.subscribers';
export {
  addIdentity,
  countCustomers,
  createCustomer,
  getCustomer,
  listCustomers,
  mergeInto,
  removeIdentity,
  undoMergeOf,
  updateCustomer,
} from './profiles.service';
export {
  type OwnedChannelName,
  optOutOwnChannel,
  optOutPhone,
  type Reachability,
  reachabilityOf,
} from './reachability.service';
export { findCustomerByIdentity, type ResolveInput, resolveCustomer } from './resolve.service';
export { type CustomerRow, filterCondition, getVisibleCustomer, getVisibleCustomers } from './visibility';
