import { BarChartOutlined, PlusOutlined, QrcodeOutlined } from '@ant-design/icons';
import { type LandingCodeRef, type LandingPage, landingRoutes } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Empty,
  Input,
  Popconfirm,
  Space,
  Table,
  type TableColumnsType,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useOrgUnits } from '../../api/queries';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { LoadMore } from '../../app/load-more';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { landingKey, useLandingPages } from './landing-api';
import { LandingDrawer, type LandingEditing } from './landing-drawer';
import { LandingShare } from './landing-share';
import { LandingStats } from './landing-stats';

/** A code's name with a warning when it is gone, or (store codes) its store cannot be located. */
function CodeName({ code, store }: { code: LandingCodeRef; store?: boolean }) {
  const { t } = useTranslation();
  if (!code.name) return <Tag color="red">{t('landing.codeMissing')}</Tag>;
  const problem = store && (!code.orgUnitId ? t('landing.noStore') : !code.located ? t('landing.noPosition') : null);
  return (
    <span>
      {code.name}
      {problem && (
        <Tooltip title={problem}>
          <Tag color="orange" style={{ marginLeft: 4 }}>
            !
          </Tag>
        </Tooltip>
      )}
    </span>
  );
}

/** 落地页: pages with a bait for live codes, with a share dialog (URL, QR) and stats. */
export function LandingPagesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { can } = useAuth();
  const session = useSession();
  const qc = useQueryClient();
  const showError = useShowError();
  const [q, setQ] = useState('');
  const list = useLandingPages(q);
  const org = useOrgUnits();
  const [editing, setEditing] = useState<LandingEditing>(null);
  const [sharing, setSharing] = useState<LandingPage | null>(null);
  const [statsOf, setStatsOf] = useState<LandingPage | null>(null);
  const canWrite = can('channels.write');
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const storeName = (id: string | null) => (id ? (org.data?.items.find((u) => u.id === id)?.name ?? null) : null);
  const shopBase = `${window.location.origin}/shop/t/${session.tenant.slug}`;

  const remove = useMutation({
    mutationFn: (p: LandingPage) => call(landingRoutes.remove, { params: { id: p.id } }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: landingKey });
      void message.success(t('common.deleted'));
    },
    onError: (e) => showError(e),
  });

  const columns: TableColumnsType<LandingPage> = [
    {
      title: t('landing.col.page'),
      key: 'page',
      render: (_, p) => (
        <div>
          <div style={{ fontWeight: 500 }}>{p.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            /l/{p.slug} · {p.benefitText}
          </Typography.Text>
        </div>
      ),
    },
    {
      title: t('landing.col.kind'),
      dataIndex: 'kind',
      render: (k: LandingPage['kind']) => (
        <Tag color={k === 'nearest_store' ? 'purple' : 'blue'}>{t(`landing.kind.${k}`)}</Tag>
      ),
    },
    {
      title: t('landing.col.codes'),
      key: 'codes',
      render: (_, p) =>
        p.kind === 'code' ? (
          <CodeName code={p.code} />
        ) : (
          <div>
            <Tooltip
              title={
                <div>
                  {p.storeCodes.map((c) => (
                    <div key={c.id}>
                      <CodeName code={c} store />
                    </div>
                  ))}
                </div>
              }
            >
              <span>{t('landing.storeCount', { count: p.storeCodes.length })}</span>
              {p.storeCodes.some((c) => !c.name || !c.located) && (
                <Tag color="orange" style={{ marginLeft: 4 }}>
                  !
                </Tag>
              )}
            </Tooltip>
            <div style={{ fontSize: 12, color: '#8c8c8c' }}>
              {t('landing.defaultCode', { name: p.code.name ?? t('landing.codeMissing') })}
            </div>
          </div>
        ),
    },
    {
      title: t('landing.col.status'),
      dataIndex: 'status',
      render: (s: LandingPage['status']) => (
        <Tag color={s === 'published' ? 'green' : 'default'}>{t(`landing.status.${s}`)}</Tag>
      ),
    },
    {
      title: t('landing.col.visits'),
      key: 'visits',
      align: 'right',
      render: (_, p) => `${p.totals.visitsToday} / ${p.totals.visits}`,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, p) => (
        <Space size={0} wrap>
          <Button type="link" size="small" icon={<QrcodeOutlined />} onClick={() => setSharing(p)}>
            {t('landing.share.button')}
          </Button>
          <Button type="link" size="small" icon={<BarChartOutlined />} onClick={() => setStatsOf(p)}>
            {t('landing.stats.button')}
          </Button>
          {canWrite && (
            <Button type="link" size="small" onClick={() => setEditing({ page: p })}>
              {t('common.edit')}
            </Button>
          )}
          {canWrite && (
            <Popconfirm
              title={t('landing.deleteConfirm', { name: p.title })}
              okText={t('common.delete')}
              okButtonProps={{ danger: true }}
              cancelText={t('common.cancel')}
              onConfirm={() => remove.mutateAsync(p).catch(() => undefined)}
            >
              <Button type="link" size="small" danger>
                {t('common.delete')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      ),
    },
  ];

  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <div>
      <PageHeader
        title={t('landing.title')}
        extra={
          canWrite && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
              {t('landing.add')}
            </Button>
          )
        }
      />
      <Typography.Paragraph type="secondary" style={{ maxWidth: 760 }}>
        {t('landing.intro')}
      </Typography.Paragraph>
      <Input.Search
        allowClear
        placeholder={t('landing.search')}
        style={{ maxWidth: 320, marginBottom: 16 }}
        onSearch={(v) => setQ(v.trim())}
      />
      <Table<LandingPage>
        rowKey="id"
        columns={columns}
        dataSource={items}
        loading={list.isPending}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty description={t('landing.emptyTitle')}>
              <p style={{ color: '#8c8c8c', maxWidth: 480, margin: '0 auto 16px' }}>{t('landing.emptyHint')}</p>
              {canWrite && (
                <Button type="primary" onClick={() => setEditing({})}>
                  {t('landing.add')}
                </Button>
              )}
            </Empty>
          ),
        }}
      />
      <LoadMore
        hasMore={!!list.hasNextPage}
        loading={list.isFetchingNextPage}
        shown={items.length}
        onLoad={() => void list.fetchNextPage()}
      />
      <LandingDrawer editing={editing} onClose={() => setEditing(null)} storeName={storeName} shopBase={shopBase} />
      <LandingShare page={sharing} onClose={() => setSharing(null)} />
      <LandingStats page={statsOf} onClose={() => setStatsOf(null)} />
    </div>
  );
}
