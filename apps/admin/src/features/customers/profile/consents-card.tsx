import { type Customer, ConsentChannel, customerRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Card, List, Switch, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAuth, useSession } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { formatTime } from '../../../app/time';
import { useSetCustomer } from '../customers-api';

type Channel = Customer['consents'][number]['channel'];

/** Marketing consent per channel: the latest record wins; switching records a new one (source "admin"). */
export function ConsentsCard({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const tz = useSession().settings.timeZone;
  const showError = useShowError();
  const setCustomer = useSetCustomer();
  const set = useMutation({
    mutationFn: (v: { channel: Channel; on: boolean }) =>
      call(customerRoutes.setConsent, {
        params: { id: c.id },
        body: { channel: v.channel, status: v.on ? 'opt_in' : 'opt_out', source: 'admin' },
      }),
    onSuccess: async (res) => {
      await setCustomer(res);
      void message.success(t('common.saved'));
    },
    onError: (e) => showError(e),
  });
  const latest = (ch: Channel) =>
    c.consents.filter((x) => x.channel === ch).sort((a, b) => b.at.localeCompare(a.at))[0];

  return (
    <Card title={t('customers.consents.title')} size="small">
      <List
        size="small"
        dataSource={ConsentChannel.options}
        renderItem={(ch) => {
          const rec = latest(ch);
          const label = t(`customers.consents.channels.${ch}`);
          return (
            <List.Item
              actions={[
                <Switch
                  key="switch"
                  aria-label={t('customers.consents.switch', { channel: label })}
                  checked={rec?.status === 'opt_in'}
                  disabled={!can('customers.write') || c.erased}
                  loading={set.isPending && set.variables?.channel === ch}
                  onChange={(on) => set.mutate({ channel: ch, on })}
                />,
              ]}
            >
              <div>
                <Typography.Text>{label}</Typography.Text>
                <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                  {rec
                    ? t(`customers.consents.${rec.status}`, {
                        source: rec.source,
                        time: formatTime(rec.at, tz, 'YYYY-MM-DD HH:mm'),
                      })
                    : t('customers.consents.unknown')}
                </div>
              </div>
            </List.Item>
          );
        }}
      />
    </Card>
  );
}
