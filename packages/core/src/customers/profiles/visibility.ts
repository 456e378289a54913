/** Who may see which customers, and the list filters: the one place both are decided. */
export {
  type CustomerRow,
  filterCondition,
  getVisibleCustomer,
  getVisibleCustomers,
  scopeCondition,
  visibleCustomerIds,
} from './visibility.repo';
