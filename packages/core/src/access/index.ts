/** access: tenants, staff, roles and permissions, organisation units, sessions, shop accounts. */
export { accessJobs } from './access.jobs';
export { createOrgUnit, deleteOrgUnit, getOrgUnit, listOrgUnits, updateOrgUnit } from './org-units.service';
export { createRole, deleteRole, listPermissionGroups, listRoles, updateRole } from './roles.service';
export { closeSession } from './sessions.service';
export { toShopAccount } from './shop-auth.service';
export {
  authenticateShopper,
  loginWithPassword,
  loginWithSms,
  maskPhone,
  resetPasswordWithSms,
  type ShopDeps,
  sendSmsCode,
} from './shop-auth.service';
export { setShopPassword, updateProfile } from './shop-profile.service';
export { accessOf, describeStaffSession } from './staff-access.service';
export {
  acceptInvite,
  authenticateStaff,
  changeOwnPassword,
  describeInvite,
  loginStaff,
  type StaffAuth,
} from './staff-auth.service';
export { createStaff, getStaff, listStaff, resetStaffPassword, setStaffEnabled, updateStaff } from './staff.service';
export {
  type CreateTenantInput,
  createTenant,
  getSettings,
  getTenantBySlug,
  shopTenant,
  tenantSlug,
  updateSettings,
} from './tenants.service';
export { orgUnitSummaries, staffIdsInUnits, staffSummaries } from './directory.repo';
export { STORE_MANAGER_TEMPLATE } from './roles.builtins';
export { type RoleSync, syncBuiltInRoles } from './roles.sync';
export * from './notifications.service';
