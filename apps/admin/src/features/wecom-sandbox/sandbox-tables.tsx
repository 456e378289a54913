import type { WecomSandboxState } from '@siyu/contracts';
import { Empty, Space, Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth';
import { formatTime } from '../../app/time';

type S = WecomSandboxState;
type Listed<K extends keyof S> = S[K] extends { items: infer I } ? { total: number; items: I } : never;

/** Time in the tenant's zone. */
export function useTime() {
  const tz = useSession().settings.timeZone;
  return (iso: string) => formatTime(iso, tz, 'YYYY-MM-DD HH:mm:ss');
}

/** "Showing the newest 200 of 1,234" under a capped list. */
export function Shown({ total, shown }: { total: number; shown: number }) {
  const { t } = useTranslation();
  if (total <= shown) return null;
  return <Typography.Text type="secondary">{t('wecomSandbox.shown', { shown, total })}</Typography.Text>;
}

const empty = (text: string): { emptyText: ReactNode } => ({ emptyText: <Empty description={text} /> });

export function MembersTable({ rows }: { rows: S['members'] }) {
  const { t } = useTranslation();
  return (
    <Table<S['members'][number]>
      rowKey="userid"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        { title: t('wecomSandbox.col.member'), dataIndex: 'name' },
        { title: 'userid', dataIndex: 'userid', render: (v: string) => <Typography.Text code>{v}</Typography.Text> },
        { title: t('wecomSandbox.col.department'), dataIndex: 'departments', render: (v: string[]) => v.join('、') },
        {
          title: t('wecomSandbox.col.status'),
          dataIndex: 'status',
          render: (v: string) => (
            <Tag color={v === 'active' ? 'green' : 'default'}>{t(`wecomSandbox.status.${v}`)}</Tag>
          ),
        },
        {
          title: t('wecomSandbox.col.customerContact'),
          dataIndex: 'customerContact',
          render: (v: boolean) => (v ? t('wecomSandbox.yes') : <Tag color="orange">{t('wecomSandbox.no')}</Tag>),
        },
        { title: t('wecomSandbox.col.customers'), dataIndex: 'customers', align: 'right' },
      ]}
    />
  );
}

export function CustomersTable({ list }: { list: Listed<'customers'> }) {
  const { t } = useTranslation();
  const time = useTime();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Listed<'customers'>['items'][number]>
        rowKey="externalUserid"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={list.items}
        locale={empty(t('wecomSandbox.emptyCustomers'))}
        columns={[
          { title: t('wecomSandbox.col.customer'), dataIndex: 'name' },
          {
            title: 'external_userid',
            dataIndex: 'externalUserid',
            render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
          },
          {
            title: t('wecomSandbox.col.gender'),
            dataIndex: 'gender',
            render: (v: string) => t(`wecomSandbox.gender.${v}`),
          },
          {
            title: t('wecomSandbox.col.follows'),
            render: (_, c) => (
              <Space direction="vertical" size={2}>
                {c.follows.map((f) => (
                  <span key={f.userid}>
                    {f.memberName ?? f.userid} · {time(f.addedAt)}
                    {f.state && <Tag style={{ marginInlineStart: 6 }}>state {f.state}</Tag>}
                    {f.remark && <Typography.Text type="secondary"> {f.remark}</Typography.Text>}
                    {f.tagIds.length > 0 && (
                      <Typography.Text type="secondary">
                        {' '}
                        · {t('wecomSandbox.tags', { count: f.tagIds.length })}
                      </Typography.Text>
                    )}
                  </span>
                ))}
                {c.follows.length === 0 && (
                  <Typography.Text type="secondary">{t('wecomSandbox.noFollow')}</Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      <Shown total={list.total} shown={list.items.length} />
    </Space>
  );
}

export function GroupsTable({ list }: { list: Listed<'groups'> }) {
  const { t } = useTranslation();
  const time = useTime();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Listed<'groups'>['items'][number]>
        rowKey="chatId"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={list.items}
        locale={empty(t('wecomSandbox.emptyGroups'))}
        columns={[
          { title: t('wecomSandbox.col.group'), dataIndex: 'name' },
          { title: t('wecomSandbox.col.owner'), render: (_, g) => g.ownerName ?? g.owner },
          { title: t('wecomSandbox.col.members'), dataIndex: 'members', align: 'right' },
          { title: t('wecomSandbox.col.groupCustomers'), dataIndex: 'customers', align: 'right' },
          { title: t('wecomSandbox.col.createdAt'), dataIndex: 'createdAt', render: time },
        ]}
      />
      <Shown total={list.total} shown={list.items.length} />
    </Space>
  );
}

const ATTACHMENT_LABEL: Record<string, string> = { image: '🖼', link: '🔗', miniprogram: '▣', video: '▶', file: '📎' };

export function WelcomesTable({ list }: { list: Listed<'welcomes'> }) {
  const { t } = useTranslation();
  const time = useTime();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Listed<'welcomes'>['items'][number]>
        rowKey={(w) => `${w.sentAt}-${w.externalUserid}-${w.userid}`}
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={list.items}
        locale={empty(t('wecomSandbox.emptyWelcomes'))}
        columns={[
          { title: t('wecomSandbox.col.sentAt'), dataIndex: 'sentAt', render: time, width: 170 },
          { title: t('wecomSandbox.col.member'), render: (_, w) => w.memberName ?? w.userid },
          { title: t('wecomSandbox.col.customer'), render: (_, w) => w.customerName ?? w.externalUserid },
          {
            title: t('wecomSandbox.col.content'),
            render: (_, w) => (
              <span style={{ whiteSpace: 'pre-wrap' }}>
                {w.text ?? ''}
                {w.attachments.map((a, i) => (
                  <Tag key={i} style={{ marginInlineStart: 6 }}>
                    {ATTACHMENT_LABEL[a]} {t(`wecomSandbox.attachment.${a}`)}
                  </Tag>
                ))}
              </span>
            ),
          },
        ]}
      />
      <Shown total={list.total} shown={list.items.length} />
    </Space>
  );
}

const OUTCOME_COLOR = { delivered: 'green', failed: 'red', no_callback_url: 'orange' } as const;

export function DeliveriesTable({ list }: { list: Listed<'deliveries'> }) {
  const { t } = useTranslation();
  const time = useTime();
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Table<Listed<'deliveries'>['items'][number]>
        rowKey="id"
        size="small"
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        dataSource={list.items}
        locale={empty(t('wecomSandbox.emptyDeliveries'))}
        columns={[
          { title: t('wecomSandbox.col.at'), dataIndex: 'at', render: time, width: 170 },
          {
            title: t('wecomSandbox.col.event'),
            render: (_, d) => (
              <Typography.Text code>{d.changeType ? `${d.event} / ${d.changeType}` : d.event}</Typography.Text>
            ),
          },
          {
            title: t('wecomSandbox.col.outcome'),
            dataIndex: 'outcome',
            render: (v: keyof typeof OUTCOME_COLOR) => (
              <Tag color={OUTCOME_COLOR[v]}>{t(`wecomSandbox.outcome.${v}`)}</Tag>
            ),
          },
          { title: t('wecomSandbox.col.attempts'), dataIndex: 'attempts', align: 'right' },
          { title: 'HTTP', dataIndex: 'httpStatus', render: (v: number | null) => v ?? '—' },
        ]}
      />
      <Shown total={list.total} shown={list.items.length} />
    </Space>
  );
}
