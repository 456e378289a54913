import { BarChartOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { LiveCode } from '@siyu/contracts';
import { Button, Empty, Input, Result, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { useOrgUnits } from '../../api/queries';
import { useAuth } from '../../app/auth';
import { ConfirmDelete } from '../../app/confirm-delete';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { DefaultWelcomeDrawer } from './default-welcome-drawer';
import { qrFileUrl, useDeleteLiveCode, useLiveCodes, useWecomConfigured } from './live-codes-api';
import { QrMenu } from './qr-menu';

/** A code's QR, small, drawn by the QR download route (plain, 258 px). */
function QrThumb({ code }: { code: LiveCode }) {
  const { t } = useTranslation();
  if (!code.qrCodeUrl) return <Tag color="red">{t('liveCodes.noQr')}</Tag>;
  return (
    <img
      src={qrFileUrl(code.id, { format: 'png', size: 258, logo: false })}
      alt={t('liveCodes.qrOf', { name: code.name })}
      width={64}
      height={64}
      loading="lazy"
      style={{ display: 'block' }}
    />
  );
}

function Staff({ code, units }: { code: LiveCode; units: Map<string, string> }) {
  const { t } = useTranslation();
  return (
    <Space size={[4, 4]} wrap>
      {code.members.map((m) => (
        <Tooltip key={m.staffId} title={m.wecomUserId ? `WeCom: ${m.wecomUserId}` : t('liveCodes.notLinked')}>
          <Tag color={m.wecomUserId ? undefined : 'orange'}>{m.staffName ?? m.staffId}</Tag>
        </Tooltip>
      ))}
      {code.departmentIds.map((id) => (
        <Tag key={id} color="geekblue">
          {units.get(id) ?? t('liveCodes.departmentsCount', { count: 1 })}
        </Tag>
      ))}
      {code.routing === 'backup' && <Tag color="blue">{t('liveCodes.routing.backup')}</Tag>}
      {code.routing === 'kept' && <Tag color="red">{t('liveCodes.routing.kept')}</Tag>}
    </Space>
  );
}

/** 渠道活码: the list with today's and total adds, QR thumbnails and downloads, and the actions. */
export function LiveCodesPage() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const canWrite = can('channels.write');
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const [q, setQ] = useState('');
  const list = useLiveCodes(q);
  const wecom = useWecomConfigured();
  const remove = useDeleteLiveCode();
  const org = useOrgUnits(can('org.read'));
  const unitNames = new Map((org.data?.items ?? []).map((u) => [u.id, u.name]));
  const welcomeOpen = params.get('defaultWelcome') === '1';
  const setWelcomeOpen = (open: boolean) => setParams(open ? { defaultWelcome: '1' } : {}, { replace: true });

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const notConnected = wecom.data === false;
  const extra = (
    <>
      <Button onClick={() => setWelcomeOpen(true)}>{t('liveCodes.defaultWelcome')}</Button>
      {canWrite && (
        <Button
          type="primary"
          icon={<PlusOutlined />}
          disabled={notConnected}
          onClick={() => navigate('/live-codes/new')}
        >
          {t('liveCodes.new')}
        </Button>
      )}
    </>
  );

  return (
    <div>
      <PageHeader title={t('liveCodes.title')} extra={extra} />
      {notConnected && rows.length === 0 && !q ? (
        <Result
          status="info"
          title={t('liveCodes.connectFirst')}
          subTitle={t('liveCodes.connectFirstHint')}
          extra={
            can('settings.read') && (
              <Button type="primary" onClick={() => navigate('/wecom-settings')}>
                {t('liveCodes.goWecomSettings')}
              </Button>
            )
          }
        />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Input.Search
            allowClear
            placeholder={t('liveCodes.search')}
            style={{ maxWidth: 320 }}
            onSearch={(v) => setQ(v.trim())}
            aria-label={t('liveCodes.search')}
          />
          <Table<LiveCode>
            rowKey="id"
            loading={list.isPending}
            dataSource={rows}
            pagination={false}
            scroll={{ x: 980 }}
            locale={{
              emptyText: (
                <Empty description={q ? t('liveCodes.noMatch') : t('liveCodes.empty')}>
                  {!q && canWrite && (
                    <Button type="primary" onClick={() => navigate('/live-codes/new')}>
                      {t('liveCodes.new')}
                    </Button>
                  )}
                </Empty>
              ),
            }}
            columns={[
              { title: t('liveCodes.col.qr'), width: 88, render: (_, c) => <QrThumb code={c} /> },
              {
                title: t('liveCodes.col.name'),
                render: (_, c) => (
                  <Space direction="vertical" size={0}>
                    <Link to={`/live-codes/${c.id}/stats`}>{c.name}</Link>
                    {c.lastError && <Typography.Text type="danger">{c.lastError}</Typography.Text>}
                  </Space>
                ),
              },
              { title: t('liveCodes.col.staff'), render: (_, c) => <Staff code={c} units={unitNames} /> },
              {
                title: t('liveCodes.col.distribution'),
                render: (_, c) => t(`liveCodes.distribution.${c.distribution}`),
              },
              { title: t('liveCodes.col.today'), align: 'right', width: 96, render: (_, c) => c.totals.today },
              { title: t('liveCodes.col.total'), align: 'right', width: 96, render: (_, c) => c.totals.adds },
              { title: t('liveCodes.col.net'), align: 'right', width: 96, render: (_, c) => c.totals.netAdds },
              {
                title: t('common.actions'),
                width: 340,
                render: (_, c) => (
                  <Space size={4} wrap>
                    <QrMenu id={c.id} disabled={!c.qrCodeUrl} />
                    <Button
                      size="small"
                      icon={<BarChartOutlined />}
                      onClick={() => navigate(`/live-codes/${c.id}/stats`)}
                    >
                      {t('liveCodes.stats')}
                    </Button>
                    {canWrite && (
                      <Button size="small" icon={<EditOutlined />} onClick={() => navigate(`/live-codes/${c.id}/edit`)}>
                        {t('common.edit')}
                      </Button>
                    )}
                    {canWrite && (
                      <ConfirmDelete
                        title={t('liveCodes.deleteConfirm', { name: c.name })}
                        description={t('liveCodes.deleteHint')}
                        onDelete={() => remove.mutateAsync(c.id)}
                      />
                    )}
                  </Space>
                ),
              },
            ]}
          />
          <LoadMore
            hasMore={Boolean(list.hasNextPage)}
            loading={list.isFetchingNextPage}
            shown={rows.length}
            onLoad={() => void list.fetchNextPage()}
          />
        </Space>
      )}
      <DefaultWelcomeDrawer open={welcomeOpen} onClose={() => setWelcomeOpen(false)} canWrite={canWrite} />
    </div>
  );
}
