import { type Address, shopOrderRoutes } from '@siyu/contracts';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { call } from '../../api/client';

export type { Address };

export const addressKeys = { list: (slug: string) => ['addresses', slug] as const };

/** The address book, default first. */
export const useAddresses = (slug: string) =>
  useQuery({
    queryKey: addressKeys.list(slug),
    queryFn: () => call(shopOrderRoutes.addresses, { params: { slug } }),
  });

export const useInvalidateAddresses = (slug: string) => {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: addressKeys.list(slug) });
};

/** 张三 138****0000 — the phone masked in lists. */
export const maskPhone = (phone: string) => phone.replace(/^(\d{3})\d{4}(\d{4})$/, '$1****$2');

export const fullAddress = (a: Pick<Address, 'province' | 'city' | 'district' | 'detail'>) =>
  [a.province, a.city === a.province ? '' : a.city, a.district, a.detail].filter(Boolean).join(' ');
