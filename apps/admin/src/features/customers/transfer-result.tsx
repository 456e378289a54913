import { App, List, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

type Result = { transferred: number; skipped: { customerId: string; code: string; message: string }[] };

/** After a transfer or handover: how many moved, and why the others did not. */
export function useShowTransferResult() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  return (res: Result) => {
    if (res.skipped.length === 0) {
      void message.success(t('customers.transfer.done', { count: res.transferred }));
      return;
    }
    modal.warning({
      title: t('customers.transfer.partial', { count: res.transferred, skipped: res.skipped.length }),
      width: 560,
      content: (
        <List
          size="small"
          dataSource={res.skipped.slice(0, 50)}
          renderItem={(s) => (
            <List.Item>
              <Typography.Text code>{s.customerId}</Typography.Text>{' '}
              {t(`errors.${s.code}`, { defaultValue: s.message })}
            </List.Item>
          )}
        />
      ),
    });
  };
}
