import { DownloadOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAuth } from '../../app/auth';
import { ExportModal } from '../imports/export-modal';
import { BulkTagModal } from './bulk-tag-modal';
import type { Filters } from './customers-api';
import { TransferModal } from './transfer-modal';

type Props = { selectedIds: string[]; filters: Filters; matchCount?: number; onClear: () => void };
type Open = 'transfer' | 'tag' | 'untag' | 'export' | null;

/** Actions on the selected rows (transfer, tag) and on the whole filtered list (tag, export). */
export function CustomerBulkBar({ selectedIds, filters, matchCount, onClear }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [open, setOpen] = useState<Open>(null);
  const n = selectedIds.length;
  const canTag = can('customers.write') && can('tags.read');
  const any = (matchCount ?? 0) > 0;
  return (
    <Space wrap>
      {n > 0 && <Typography.Text strong>{t('customers.bulk.selected', { count: n })}</Typography.Text>}
      {n > 0 && can('customers.transfer') && (
        <Button onClick={() => setOpen('transfer')}>{t('customers.bulk.transfer')}</Button>
      )}
      {canTag && any && <Button onClick={() => setOpen('tag')}>{t('customers.bulk.tag')}</Button>}
      {canTag && any && <Button onClick={() => setOpen('untag')}>{t('customers.bulk.untag')}</Button>}
      {can('customers.export') && any && (
        <Button icon={<DownloadOutlined />} onClick={() => setOpen('export')}>
          {t('customers.bulk.export')}
        </Button>
      )}
      {n > 0 && (
        <Button type="link" onClick={onClear}>
          {t('customers.bulk.clear')}
        </Button>
      )}
      <TransferModal
        customerIds={selectedIds}
        open={open === 'transfer'}
        onClose={() => setOpen(null)}
        onDone={onClear}
      />
      <BulkTagModal
        open={open === 'tag' || open === 'untag'}
        mode={open === 'untag' ? 'untag' : 'tag'}
        selectedIds={selectedIds}
        filters={filters}
        matchCount={matchCount}
        onClose={() => setOpen(null)}
      />
      <ExportModal open={open === 'export'} filters={filters} count={matchCount} onClose={() => setOpen(null)} />
    </Space>
  );
}
