import type { CustomerSummary, Stage } from '@siyu/contracts';
import type { TFunction } from 'i18next';

export const STAGES: Stage[] = ['potential', 'new', 'active', 'loyal', 'dormant', 'churned'];

export const STAGE_COLOR: Record<Stage, string> = {
  potential: 'default',
  new: 'blue',
  active: 'green',
  loyal: 'gold',
  dormant: 'orange',
  churned: 'red',
};

/** Fen as yuan with the ¥ sign: 123456 → ¥1,234.56. */
export function formatFen(fen: number | null | undefined): string {
  const yuan = (fen ?? 0) / 100;
  return `¥${yuan.toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

/** Yuan typed by a person (may have decimals) → whole fen; undefined stays undefined. */
export const yuanToFen = (yuan: number | null | undefined) =>
  yuan === null || yuan === undefined || Number.isNaN(yuan) ? undefined : Math.round(yuan * 100);
export const fenToYuan = (fen: string | number | undefined) =>
  fen === undefined || fen === '' ? undefined : Number(fen) / 100;

/** The name shown for a customer: name, else nickname, else "unnamed". */
export const customerName = (c: Pick<CustomerSummary, 'name' | 'nickname'>, t: TFunction) =>
  c.name || c.nickname || t('customers.unnamed');

/** A readable label for a tag colour that may be a preset name or a #hex. */
export const tagColor = (color: string | null | undefined) => color || undefined;
