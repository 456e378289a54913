/** Query keys shared by several pages, so a write can invalidate every view of the data. */
export const qk = {
  session: ['session'] as const,
  staff: ['staff'] as const,
  roles: ['roles'] as const,
  permissions: ['permissions'] as const,
  orgUnits: ['org-units'] as const,
  settings: ['settings'] as const,
  audit: ['audit'] as const,
};
