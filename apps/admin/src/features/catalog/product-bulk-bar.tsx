import { catalogProductRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { useInvalidateCatalog } from './catalog-api';

type Props = { selectedIds: string[]; titles: Map<string, string>; onClear: () => void };
type Target = 'on_sale' | 'off_sale';

/** Put the selected products on or off sale, after a confirmation; skipped products are listed. */
export function ProductBulkBar({ selectedIds, titles, onClear }: Props) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { modal, message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateCatalog();
  const n = selectedIds.length;
  const run = useMutation({
    mutationFn: (status: Target) => call(catalogProductRoutes.bulkStatus, { body: { ids: selectedIds, status } }),
    onSuccess: async (res) => {
      await invalidate();
      void message.success(t('catalog.products.bulk.done', { count: res.updated }));
      if (res.skipped.length > 0) {
        modal.warning({
          title: t('catalog.products.bulk.skippedTitle', { count: res.skipped.length }),
          content: (
            <div>
              <ul style={{ paddingLeft: 20 }}>
                {res.skipped.map((s) => (
                  <li key={s.id}>
                    {t('catalog.products.bulk.skippedItem', {
                      title: titles.get(s.id) ?? s.id,
                      reason: t(`errors.${s.code}`, { defaultValue: s.message }),
                    })}
                  </li>
                ))}
              </ul>
              <Typography.Text type="secondary">{t('catalog.products.bulk.skippedHint')}</Typography.Text>
            </div>
          ),
        });
      }
      onClear();
    },
    onError: (e) => showError(e),
  });
  const confirm = (status: Target) =>
    modal.confirm({
      title: t(status === 'on_sale' ? 'catalog.products.bulk.onSale' : 'catalog.products.bulk.offSale'),
      content: t(
        status === 'on_sale' ? 'catalog.products.bulk.onSaleConfirm' : 'catalog.products.bulk.offSaleConfirm',
        {
          count: n,
        },
      ),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => run.mutateAsync(status).catch(() => undefined),
    });
  if (n === 0) return null;
  return (
    <Space wrap>
      <Typography.Text strong>{t('catalog.products.bulk.selected', { count: n })}</Typography.Text>
      {can('catalog.manage') && (
        <>
          <Button onClick={() => confirm('on_sale')} loading={run.isPending && run.variables === 'on_sale'}>
            {t('catalog.products.bulk.onSale')}
          </Button>
          <Button onClick={() => confirm('off_sale')} loading={run.isPending && run.variables === 'off_sale'}>
            {t('catalog.products.bulk.offSale')}
          </Button>
        </>
      )}
      <Button type="link" onClick={onClear}>
        {t('catalog.products.bulk.clear')}
      </Button>
    </Space>
  );
}
