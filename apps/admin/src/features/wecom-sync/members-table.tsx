import type { WecomMember } from '@siyu/contracts';
import { App, Button, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { fieldIssues } from '../../api/field-issues';
import { useShowError } from '../../app/errors';
import { StaffSelect } from '../customers/staff-select';
import { useLinkMember } from './wecom-sync-api';

/** Picks the staff member for one WeCom member, or "nobody", and saves at once. */
function LinkCell({ m, canWrite, taken }: { m: WecomMember; canWrite: boolean; taken: string[] }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const link = useLinkMember();
  const [editing, setEditing] = useState(false);
  const save = (staffId: string | null) =>
    link.mutate(
      { userid: m.userid, staffId },
      {
        onSuccess: () => {
          setEditing(false);
          void message.success(t('wecomSync.linkSaved'));
        },
        onError: (e) => {
          // a 400 on staffId says why in words (e.g. linked to another member already)
          const issue = isApiError(e) && e.status === 400 ? fieldIssues(e)[0] : undefined;
          if (issue) void message.error(t('wecomSync.linkFailed', { message: issue.message }));
          else showError(e);
        },
      },
    );
  if (editing)
    return (
      <Space>
        <StaffSelect
          autoFocus
          value={m.staffId ?? undefined}
          exclude={taken}
          onChange={(id) => save(id ?? null)}
          style={{ width: 200 }}
        />
        <Button size="small" onClick={() => setEditing(false)}>
          {t('wecomSync.cancel')}
        </Button>
      </Space>
    );
  return (
    <Space>
      {m.staffName ? (
        <span>{m.staffName}</span>
      ) : (
        <Typography.Text type="warning">
          {m.linkedBy === 'manual' ? t('wecomSync.nobody') : t('wecomSync.unlinked')}
        </Typography.Text>
      )}
      {m.linkedBy && <Tag>{t(`wecomSync.linkedBy.${m.linkedBy}`)}</Tag>}
      {canWrite && (
        <Button size="small" type="link" onClick={() => setEditing(true)} aria-label={t('wecomSync.link')}>
          {m.staffId ? t('wecomSync.change') : t('wecomSync.link')}
        </Button>
      )}
      {canWrite && m.staffId && (
        <Button size="small" type="link" danger loading={link.isPending} onClick={() => save(null)}>
          {t('wecomSync.unlink')}
        </Button>
      )}
    </Space>
  );
}

/** WeCom members with the staff member each one is; unlinked ones first. */
export function MembersTable({ items, canWrite }: { items: WecomMember[]; canWrite: boolean }) {
  const { t } = useTranslation();
  const sorted = [...items].sort((a, b) => Number(Boolean(a.staffId)) - Number(Boolean(b.staffId)));
  // a staff member is one WeCom member: those linked to another member are not offered
  const takenBy = (m: WecomMember) => items.flatMap((x) => (x.staffId && x.userid !== m.userid ? [x.staffId] : []));
  const columns: TableColumnsType<WecomMember> = [
    {
      title: t('wecomSync.member'),
      key: 'member',
      render: (_, m) => (
        <Space orientation="vertical" size={0}>
          <span>{m.name}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {m.userid}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('wecomSync.department'),
      key: 'departments',
      render: (_, m) => m.departments.map((d) => d.name ?? d.id).join('、'),
    },
    {
      title: t('wecomSync.customerContact'),
      key: 'customerContact',
      render: (_, m) => (
        <Space>
          {m.customerContact ? <Tag color="green">{t('wecomSync.yes')}</Tag> : <Tag>{t('wecomSync.no')}</Tag>}
          {!m.present && <Tag color="red">{t('wecomSync.gone')}</Tag>}
        </Space>
      ),
    },
    {
      title: t('wecomSync.staff'),
      key: 'staff',
      render: (_, m) => <LinkCell m={m} canWrite={canWrite} taken={takenBy(m)} />,
    },
  ];
  return (
    <Table
      rowKey="userid"
      size="middle"
      columns={columns}
      dataSource={sorted}
      pagination={{ pageSize: 20, hideOnSinglePage: true }}
      locale={{ emptyText: t('wecomSync.noMembers') }}
    />
  );
}
