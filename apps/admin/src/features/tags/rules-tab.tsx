import { PlusOutlined } from '@ant-design/icons';
import { type TagRule, tagRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Empty, Popconfirm, Space, Switch, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { call } from '../../api/client';
import { useAuth, useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { LoadError } from '../../app/pages';
import { formatTime } from '../../app/time';
import { useCustomFields } from '../customers/customers-api';
import { RuleDrawer } from './rule-drawer';
import { describeCondition } from './rule-summary';
import { useInvalidateTags, useTagGroups, useTagRules } from './tags-api';

type Rule = z.infer<typeof TagRule>;

/** Automatic tag rules: what they check, when they last ran, run now, enable/disable. */
export function RulesTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const tz = useSession().settings.timeZone;
  const showError = useShowError();
  const invalidate = useInvalidateTags();
  const rules = useTagRules();
  const groups = useTagGroups();
  const fields = useCustomFields();
  const [editing, setEditing] = useState<{ rule?: Rule } | null>(null);
  const canWrite = can('tags.write');
  const tags = useMemo(
    () => new Map((groups.data?.items ?? []).flatMap((g) => g.tags.map((x) => [x.id, x] as const))),
    [groups.data],
  );
  const customLabels = Object.fromEntries((fields.data ?? []).map((d) => [d.key, d.label]));

  const toggle = useMutation({
    mutationFn: (r: Rule) => call(tagRoutes.updateRule, { params: { id: r.id }, body: { enabled: !r.enabled } }),
    onSuccess: () => invalidate(),
    onError: (e) => showError(e),
  });
  const run = useMutation({
    mutationFn: (r: Rule) => call(tagRoutes.runRule, { params: { id: r.id } }),
    onSuccess: async (res) => {
      await invalidate();
      void message.success(t('tags.rules.ran', res));
    },
    onError: (e) => showError(e),
  });
  const remove = useMutation({
    mutationFn: (r: Rule) => call(tagRoutes.deleteRule, { params: { id: r.id } }),
    onSuccess: async () => {
      await invalidate();
      void message.success(t('common.deleted'));
    },
    onError: (e) => showError(e),
  });

  if (rules.isError) return <LoadError error={rules.error} onRetry={() => void rules.refetch()} />;
  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12, gap: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">{t('tags.rules.intro')}</Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
            {t('tags.rules.add')}
          </Button>
        )}
      </div>
      <Table<Rule>
        rowKey="id"
        loading={rules.isPending}
        dataSource={rules.data?.items ?? []}
        pagination={false}
        scroll={{ x: 'max-content' }}
        locale={{
          emptyText: (
            <Empty description={t('tags.rules.empty')}>
              {canWrite && (
                <Button type="primary" onClick={() => setEditing({})}>
                  {t('tags.rules.add')}
                </Button>
              )}
            </Empty>
          ),
        }}
        columns={[
          {
            title: t('tags.rules.name'),
            dataIndex: 'name',
            render: (n: string) => <Typography.Text strong>{n}</Typography.Text>,
          },
          {
            title: t('tags.rules.tag'),
            dataIndex: 'tagId',
            render: (id: string) => {
              const tag = tags.get(id);
              return tag ? (
                <Tag color={tag.color ?? undefined}>{tag.name}</Tag>
              ) : (
                <Typography.Text type="secondary">{id}</Typography.Text>
              );
            },
          },
          {
            title: t('tags.rules.condition'),
            dataIndex: 'condition',
            render: (c: Rule['condition']) => (
              <Typography.Paragraph ellipsis={{ rows: 2, tooltip: true }} style={{ margin: 0, maxWidth: 420 }}>
                {describeCondition(c, t, customLabels)}
              </Typography.Paragraph>
            ),
          },
          {
            title: t('tags.rules.enabled'),
            dataIndex: 'enabled',
            render: (on: boolean, r) => (
              <Switch
                size="small"
                checked={on}
                disabled={!canWrite}
                aria-label={t('tags.rules.enableRule', { name: r.name })}
                loading={toggle.isPending && toggle.variables?.id === r.id}
                onChange={() => toggle.mutate(r)}
              />
            ),
          },
          {
            title: t('tags.rules.lastRun'),
            key: 'lastRun',
            render: (_, r) =>
              r.lastRunAt ? (
                <span>
                  {formatTime(r.lastRunAt, tz, 'MM-DD HH:mm')}
                  <div style={{ fontSize: 12, color: '#8c8c8c' }}>
                    {t('tags.rules.lastMatched', { count: r.lastMatched ?? 0 })}
                  </div>
                </span>
              ) : (
                <Typography.Text type="secondary">{t('tags.rules.neverRun')}</Typography.Text>
              ),
          },
          ...(canWrite
            ? [
                {
                  title: t('common.actions'),
                  key: 'a',
                  render: (_: unknown, r: Rule) => (
                    <Space size={0} wrap>
                      <Button type="link" size="small" onClick={() => setEditing({ rule: r })}>
                        {t('common.edit')}
                      </Button>
                      <Button
                        type="link"
                        size="small"
                        loading={run.isPending && run.variables?.id === r.id}
                        onClick={() => run.mutate(r)}
                      >
                        {t('tags.rules.run')}
                      </Button>
                      <Popconfirm
                        title={t('tags.rules.deleteConfirm', { name: r.name })}
                        okText={t('common.delete')}
                        okButtonProps={{ danger: true }}
                        cancelText={t('common.cancel')}
                        onConfirm={() => remove.mutateAsync(r).catch(() => undefined)}
                      >
                        <Button type="link" size="small" danger>
                          {t('common.delete')}
                        </Button>
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      <RuleDrawer open={!!editing} rule={editing?.rule} onClose={() => setEditing(null)} />
    </div>
  );
}
