import type { GroupDetail } from '@siyu/contracts';
import { App, Button, Card, Descriptions, Select, Space, Spin, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { formatTime } from '../../app/time';
import { useGroup, useGroupTags, useSetGroupTags } from './groups-api';

type Member = GroupDetail['members'][number];

function TagsEditor({ group, canWrite }: { group: GroupDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const tags = useGroupTags();
  const save = useSetGroupTags();
  const [value, setValue] = useState(group.tagIds);
  useEffect(() => setValue(group.tagIds), [group.tagIds]);
  const changed = value.join() !== group.tagIds.join();
  return (
    <Space wrap>
      <Select
        mode="multiple"
        style={{ minWidth: 280 }}
        value={value}
        disabled={!canWrite}
        onChange={setValue}
        aria-label={t('groups.col.tags')}
        placeholder={(tags.data?.items.length ?? 0) ? t('groups.tags.pick') : t('groups.tags.none')}
        options={(tags.data?.items ?? []).map((x) => ({ value: x.id, label: x.name }))}
      />
      {canWrite && (
        <Button
          type="primary"
          disabled={!changed}
          loading={save.isPending}
          onClick={() =>
            save.mutate(
              { id: group.id, tagIds: value },
              { onSuccess: () => void message.success(t('common.saved')), onError: (e) => showError(e) },
            )
          }
        >
          {t('common.save')}
        </Button>
      )}
    </Space>
  );
}

/** 客户群 detail: the group, its tags, its members (join scene, invitor, state, customer) and who left. */
export function GroupDetailPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const tz = useSession().settings.timeZone;
  const navigate = useNavigate();
  const group = useGroup(id);
  if (group.isError) return <LoadError error={group.error} onRetry={() => void group.refetch()} />;
  if (group.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  const g = group.data;
  const time = (v: string | null) => formatTime(v, tz, 'YYYY-MM-DD HH:mm');
  const columns = [
    {
      title: t('groups.member.name'),
      render: (_: unknown, m: Member) => (
        <Space size={4}>
          {m.customerId ? <Link to={`/customers/${m.customerId}`}>{m.name ?? m.userid}</Link> : (m.name ?? m.userid)}
          {m.groupNickname && <Typography.Text type="secondary">({m.groupNickname})</Typography.Text>}
          {m.userid === g.ownerUserid ? (
            <Tag color="gold">{t('groups.member.owner')}</Tag>
          ) : (
            m.isAdmin && <Tag>{t('groups.member.admin')}</Tag>
          )}
        </Space>
      ),
    },
    {
      title: t('groups.member.type'),
      render: (_: unknown, m: Member) => (
        <Tag color={m.type === 'external' ? 'blue' : undefined}>{t(`groups.member.types.${m.type}`)}</Tag>
      ),
    },
    {
      title: t('groups.member.joinScene'),
      render: (_: unknown, m: Member) =>
        m.joinScene ? t(`groups.member.scene.${m.joinScene}`, String(m.joinScene)) : '—',
    },
    { title: t('groups.member.invitor'), render: (_: unknown, m: Member) => m.invitorUserid ?? '—' },
    {
      title: t('groups.member.state'),
      render: (_: unknown, m: Member) =>
        m.groupCodeId ? (
          <Link to={`/group-codes/${m.groupCodeId}/stats`}>{t('groups.member.viaCode')}</Link>
        ) : (
          (m.state ?? '—')
        ),
    },
    { title: t('groups.member.joinedAt'), render: (_: unknown, m: Member) => time(m.joinedAt) },
  ];
  return (
    <div>
      <PageHeader
        title={g.name || t('groups.unnamed')}
        extra={<Button onClick={() => navigate('/groups')}>{t('groups.back')}</Button>}
      />
      <Space direction="vertical" size={16} style={{ width: '100%' }}>
        <Card>
          <Descriptions size="small" column={{ xs: 1, md: 2 }}>
            <Descriptions.Item label={t('groups.col.owner')}>{g.ownerName ?? g.ownerUserid}</Descriptions.Item>
            <Descriptions.Item label={t('groups.col.status')}>
              <Tag color={g.status === 'active' ? 'green' : undefined}>{t(`groups.status.${g.status}`)}</Tag>
              {g.dismissedAt && time(g.dismissedAt)}
            </Descriptions.Item>
            <Descriptions.Item label={t('groups.col.members')}>
              {t('groups.membersOf', { count: g.memberCount, external: g.externalCount })}
            </Descriptions.Item>
            <Descriptions.Item label={t('groups.col.created')}>{time(g.wecomCreatedAt)}</Descriptions.Item>
            <Descriptions.Item label={t('groups.notice')} span={2}>
              {g.notice || '—'}
            </Descriptions.Item>
            <Descriptions.Item label={t('groups.col.tags')} span={2}>
              <TagsEditor group={g} canWrite={can('channels.write')} />
            </Descriptions.Item>
            <Descriptions.Item label="chat_id">
              <Typography.Text code copyable>
                {g.chatId}
              </Typography.Text>
            </Descriptions.Item>
            <Descriptions.Item label={t('groups.syncedAt')}>{time(g.syncedAt)}</Descriptions.Item>
          </Descriptions>
        </Card>
        <Card title={t('groups.membersTitle', { count: g.members.length })}>
          <Table<Member>
            rowKey="userid"
            size="small"
            pagination={false}
            dataSource={g.members}
            columns={columns}
            scroll={{ x: 800 }}
          />
        </Card>
        {g.leftMembers.length > 0 && (
          <Card title={t('groups.leftTitle', { count: g.leftMembers.length })}>
            <Table
              rowKey="userid"
              size="small"
              pagination={false}
              dataSource={g.leftMembers}
              scroll={{ x: 800 }}
              columns={[
                ...columns.slice(0, 2),
                ...columns.slice(4, 5),
                {
                  title: t('groups.member.leftAt'),
                  render: (_: unknown, m: GroupDetail['leftMembers'][number]) =>
                    `${time(m.leftAt)} · ${t(`groups.member.quit.${m.quitScene ?? 'unknown'}`, t('groups.member.quit.unknown'))}`,
                },
              ]}
            />
          </Card>
        )}
      </Space>
    </div>
  );
}
