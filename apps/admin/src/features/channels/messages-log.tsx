import { type OwnedMessage, ownedChannelRoutes as r } from '@siyu/contracts';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Button, Empty, Select, Space, Table, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { ownedLogKey } from './channels-api';

const STATUS_COLOR = { sent: 'green', failed: 'red', refused: 'orange', sending: 'blue' } as const;
type Channel = 'sms' | 'email';
type Status = keyof typeof STATUS_COLOR;

/** The sent-messages log: every SMS and email, sent, failed or refused, newest first. */
export function MessagesLog() {
  const { t, i18n } = useTranslation();
  const [channel, setChannel] = useState<Channel | undefined>();
  const [status, setStatus] = useState<Status | undefined>();
  const q = useInfiniteQuery({
    queryKey: [...ownedLogKey, channel, status],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam }) => call(r.messages, { query: { channel, status, cursor: pageParam, limit: 50 } }),
    getNextPageParam: (p) => p.nextCursor ?? undefined,
  });
  const rows = q.data?.pages.flatMap((p) => p.items) ?? [];
  const kind = (k: string | null) => (k && i18n.exists(`channels.kind.${k}`) ? t(`channels.kind.${k}`) : k);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          placeholder={t('channels.log.channel')}
          style={{ width: 140 }}
          value={channel}
          onChange={setChannel}
          options={[
            { value: 'sms', label: t('channels.tabs.sms') },
            { value: 'email', label: t('channels.tabs.email') },
          ]}
        />
        <Select
          allowClear
          placeholder={t('channels.log.status')}
          style={{ width: 140 }}
          value={status}
          onChange={setStatus}
          options={(Object.keys(STATUS_COLOR) as Status[]).map((s) => ({ value: s, label: t(`channels.status.${s}`) }))}
        />
      </Space>
      <Table<OwnedMessage>
        rowKey="id"
        size="small"
        loading={q.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: <Empty description={t('channels.log.empty')} /> }}
        columns={[
          {
            title: t('channels.log.time'),
            dataIndex: 'createdAt',
            render: (v: string) => new Date(v).toLocaleString(i18n.language),
          },
          { title: t('channels.log.channel'), dataIndex: 'channel', render: (v: Channel) => t(`channels.tabs.${v}`) },
          { title: t('channels.log.recipient'), dataIndex: 'recipient' },
          {
            title: t('channels.log.content'),
            render: (_, m) => (
              <Tooltip title={m.body}>
                {m.subject ?? m.templateKey ?? '—'}
                {m.purpose === 'test' ? ` (${t('channels.log.test')})` : ''}
                {m.purpose === 'code' ? ` (${t('channels.log.code')})` : ''}
              </Tooltip>
            ),
          },
          {
            title: t('channels.log.status'),
            dataIndex: 'status',
            render: (s: Status) => <Tag color={STATUS_COLOR[s]}>{t(`channels.status.${s}`)}</Tag>,
          },
          {
            title: t('channels.log.error'),
            render: (_, m) =>
              m.errorKind ? (
                <Tooltip title={m.errorMessage}>
                  {kind(m.errorKind)}
                  {m.errorCode && m.errorCode !== m.errorKind ? ` · ${m.errorCode}` : ''}
                </Tooltip>
              ) : (
                '—'
              ),
          },
          {
            title: t('channels.log.providerId'),
            dataIndex: 'providerMessageId',
            render: (v: string | null) => v ?? '—',
          },
        ]}
      />
      {q.hasNextPage && (
        <Button onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('channels.log.more')}
        </Button>
      )}
    </Space>
  );
}
