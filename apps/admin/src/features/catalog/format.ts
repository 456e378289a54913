import type { ProductStatus } from '@siyu/contracts';

export const PRODUCT_STATUSES: ProductStatus[] = ['draft', 'on_sale', 'off_sale'];

export const STATUS_COLOR: Record<ProductStatus, string> = {
  draft: 'default',
  on_sale: 'green',
  off_sale: 'orange',
};

export const csv = (v: string | undefined) => (v ? v.split(',').filter(Boolean) : []);
export const joinCsv = (v: string[]) => (v.length ? v.join(',') : undefined);
