import { DownOutlined } from '@ant-design/icons';
import { type Customer, customerRoutes } from '@siyu/contracts';
import { App, Button, Dropdown, type MenuProps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAuth } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { TransferModal } from '../transfer-modal';
import { EraseModal } from './erase-modal';
import { HandOffModal } from './hand-off-modal';
import { MergeModal } from './merge-modal';

/** Saves a value as a JSON file through a temporary link. */
export function downloadJson(data: unknown, filename: string) {
  const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ActionsMenu({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const [open, setOpen] = useState<'merge' | 'erase' | 'transfer' | 'handOff' | null>(null);

  const exportData = async () => {
    try {
      const data = await call(customerRoutes.exportPersonalData, { params: { id: c.id } });
      downloadJson(data, `customer-${c.id}.json`);
      void message.success(t('customers.actions.exported'));
    } catch (e) {
      showError(e);
    }
  };

  const items: MenuProps['items'] = [
    can('customers.write') && !c.erased && { key: 'handOff', label: t('followUps.handOff.action') },
    can('customers.transfer') && !c.erased && { key: 'transfer', label: t('customers.actions.transfer') },
    can('customers.merge') && !c.erased && { key: 'merge', label: t('customers.actions.merge') },
    can('customers.pii') && { key: 'export', label: t('customers.actions.exportData') },
    can('customers.erase') && !c.erased && { type: 'divider' as const },
    can('customers.erase') && !c.erased && { key: 'erase', label: t('customers.actions.erase'), danger: true },
  ].filter((x) => !!x);

  if (items.length === 0) return null;
  return (
    <>
      <Dropdown
        trigger={['click']}
        menu={{
          items,
          onClick: ({ key }) => {
            if (key === 'export') void exportData();
            else setOpen(key as 'merge' | 'erase' | 'transfer' | 'handOff');
          },
        }}
      >
        <Button>
          {t('customers.actions.more')} <DownOutlined />
        </Button>
      </Dropdown>
      <MergeModal customer={c} open={open === 'merge'} onClose={() => setOpen(null)} />
      <EraseModal customer={c} open={open === 'erase'} onClose={() => setOpen(null)} />
      <HandOffModal customer={c} open={open === 'handOff'} onClose={() => setOpen(null)} />
      <TransferModal customerIds={[c.id]} open={open === 'transfer'} onClose={() => setOpen(null)} />
    </>
  );
}
