import {
  EyeOutlined,
  GiftOutlined,
  MergeCellsOutlined,
  MessageOutlined,
  PhoneOutlined,
  SearchOutlined,
  ShareAltOutlined,
  ShoppingCartOutlined,
  ShoppingOutlined,
  SwapOutlined,
  TagOutlined,
  UserAddOutlined,
  UserOutlined,
  WechatOutlined,
  ClockCircleOutlined,
  CheckSquareOutlined,
  SafetyOutlined,
} from '@ant-design/icons';
import type { ReactNode } from 'react';

/** An icon and colour per event type, by its first dotted part (`order.paid` → order). */
const BY_PREFIX: Record<string, [ReactNode, string]> = {
  order: [<ShoppingOutlined key="i" />, '#52c41a'],
  cart: [<ShoppingCartOutlined key="i" />, '#fa8c16'],
  product: [<EyeOutlined key="i" />, '#8c8c8c'],
  page: [<EyeOutlined key="i" />, '#8c8c8c'],
  search: [<SearchOutlined key="i" />, '#8c8c8c'],
  share: [<ShareAltOutlined key="i" />, '#722ed1'],
  tag: [<TagOutlined key="i" />, '#1677ff'],
  note: [<MessageOutlined key="i" />, '#13c2c2'],
  follow_up: [<PhoneOutlined key="i" />, '#13c2c2'],
  task: [<CheckSquareOutlined key="i" />, '#13c2c2'],
  wecom: [<WechatOutlined key="i" />, '#07c160'],
  customer: [<UserAddOutlined key="i" />, '#1677ff'],
  profile: [<UserOutlined key="i" />, '#1677ff'],
  lead: [<SwapOutlined key="i" />, '#2f54eb'],
  identity: [<UserOutlined key="i" />, '#1677ff'],
  owner: [<SwapOutlined key="i" />, '#2f54eb'],
  merge: [<MergeCellsOutlined key="i" />, '#eb2f96'],
  coupon: [<GiftOutlined key="i" />, '#fa541c'],
  consent: [<SafetyOutlined key="i" />, '#faad14'],
};

export function eventIcon(type: string): { icon: ReactNode; color: string } {
  const prefix = type.split('.')[0] ?? '';
  const hit = BY_PREFIX[prefix] ?? BY_PREFIX[type.replace(/\..*$/, '')];
  return hit ? { icon: hit[0], color: hit[1] } : { icon: <ClockCircleOutlined />, color: '#bfbfbf' };
}

/** Types offered by the filter before any are seen. */
export const KNOWN_TYPES = [
  'customer.created',
  'profile.updated',
  'order.paid',
  'order.refunded',
  'page.viewed',
  'product.viewed',
  'cart.added',
  'search.performed',
  'tag.added',
  'tag.removed',
  'note.added',
  'follow_up.recorded',
  'task.created',
  'task.done',
  'lead.assigned',
  'owner.changed',
  'consent.changed',
  'customer.merged',
  'customer.unmerged',
];
