import { Alert, Descriptions, Result, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { CodesTab } from './codes-tab';
import { CustomersTable, DeliveriesTable, GroupsTable, MembersTable, WelcomesTable } from './sandbox-tables';
import { PendingSendsTable } from './pending-sends';
import { useWecomSandboxState } from './wecom-sandbox-api';

/**
 * 企业微信沙箱 (demo mode only): the simulated WeCom corp the demo is connected to — members,
 * customers, groups, contact ways and join ways (each QR opens the sandbox scan page, where a person
 * plays the customer), welcome messages sent, mass sends waiting for a member, callbacks delivered.
 */
export function WecomSandboxPage() {
  const { t } = useTranslation();
  const q = useWecomSandboxState();
  if (q.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (q.isError) {
    if (isApiError(q.error) && q.error.status === 404)
      return <Result status="info" title={t('wecomSandbox.off')} subTitle={t('wecomSandbox.offHint')} />;
    return <LoadError error={q.error} onRetry={() => void q.refetch()} />;
  }
  const s = q.data;
  const count = (n: number) => (n > 0 ? <Typography.Text type="secondary">({n})</Typography.Text> : null);
  return (
    <div>
      <PageHeader title={t('wecomSandbox.title')} />
      <Alert
        type="warning"
        showIcon
        title={t('wecomSandbox.banner')}
        description={t('wecomSandbox.bannerHint')}
        style={{ marginBottom: 16 }}
      />
      <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('wecomSandbox.corpId')}>
          <Typography.Text code>{s.corpId}</Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label={t('wecomSandbox.callbackUrl')}>
          <Typography.Text code>{s.callbackUrl ?? t('wecomSandbox.noCallback')}</Typography.Text>
        </Descriptions.Item>
      </Descriptions>
      <Tabs
        defaultActiveKey={s.pendingSends.length ? 'pending' : 'codes'}
        items={[
          {
            key: 'pending',
            label: (
              <span>
                {t('wecomSandbox.tabs.pending')} {count(s.pendingSends.length)}
              </span>
            ),
            children: <PendingSendsTable rows={s.pendingSends} />,
          },
          { key: 'codes', label: t('wecomSandbox.tabs.codes'), children: <CodesTab state={s} /> },
          { key: 'members', label: t('wecomSandbox.tabs.members'), children: <MembersTable rows={s.members} /> },
          {
            key: 'customers',
            label: (
              <span>
                {t('wecomSandbox.tabs.customers')} {count(s.customers.total)}
              </span>
            ),
            children: <CustomersTable list={s.customers} />,
          },
          { key: 'groups', label: t('wecomSandbox.tabs.groups'), children: <GroupsTable list={s.groups} /> },
          { key: 'welcomes', label: t('wecomSandbox.tabs.welcomes'), children: <WelcomesTable list={s.welcomes} /> },
          {
            key: 'deliveries',
            label: t('wecomSandbox.tabs.deliveries'),
            children: <DeliveriesTable list={s.deliveries} />,
          },
        ]}
      />
    </div>
  );
}
