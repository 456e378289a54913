import { PlusOutlined } from '@ant-design/icons';
import { type Tag as TagDto, type TagGroup, tagRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Button, Card, Empty, Popconfirm, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { call } from '../../api/client';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { LoadError } from '../../app/pages';
import { GroupModal } from './group-modal';
import { TagModal } from './tag-modal';
import { Swatch } from './tag-select';
import { useInvalidateTags, useTagGroups } from './tags-api';

/** Tag groups, each with its tags: colour, description, how many customers hold it. */
export function GroupsTab() {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateTags();
  const groups = useTagGroups();
  const [editingGroup, setEditingGroup] = useState<{ group?: TagGroup } | null>(null);
  const [editingTag, setEditingTag] = useState<{ tag?: TagDto; groupId?: string } | null>(null);
  const canWrite = can('tags.write');
  const done = async (text: string) => {
    await invalidate();
    void message.success(text);
  };
  const removeGroup = useMutation({
    mutationFn: (g: TagGroup) => call(tagRoutes.deleteGroup, { params: { id: g.id } }),
    onSuccess: () => done(t('common.deleted')),
    onError: (e) => showError(e),
  });
  const removeTag = useMutation({
    mutationFn: (tag: TagDto) => call(tagRoutes.deleteTag, { params: { id: tag.id } }),
    onSuccess: (res) => done(t('tags.tagDeleted', { count: res.removedFrom })),
    onError: (e) => showError(e),
  });

  if (groups.isPending) return <Skeleton active />;
  if (groups.isError) return <LoadError error={groups.error} onRetry={() => void groups.refetch()} />;
  const items = groups.data.items;

  return (
    <div>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginBottom: 12, gap: 12, flexWrap: 'wrap' }}>
        <Typography.Text type="secondary">{t('tags.intro')}</Typography.Text>
        {canWrite && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditingGroup({})}>
            {t('tags.addGroup')}
          </Button>
        )}
      </div>
      {items.length === 0 && (
        <Empty description={t('tags.empty')} style={{ padding: 32, background: '#fff', borderRadius: 8 }}>
          {canWrite && (
            <Button type="primary" onClick={() => setEditingGroup({})}>
              {t('tags.addGroup')}
            </Button>
          )}
        </Empty>
      )}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {items.map((g) => (
          <Card
            key={g.id}
            size="small"
            data-testid="tag-group"
            title={
              <Space>
                {g.name}
                <Tag>{t(`tags.selectModes.${g.selectMode}`)}</Tag>
                {g.wecomGroupId && <Tag color="green">{t('tags.wecomSynced')}</Tag>}
              </Space>
            }
            extra={
              canWrite && (
                <Space size={0}>
                  <Button
                    type="link"
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => setEditingTag({ groupId: g.id })}
                  >
                    {t('tags.addTag')}
                  </Button>
                  <Button type="link" size="small" onClick={() => setEditingGroup({ group: g })}>
                    {t('common.edit')}
                  </Button>
                  <Popconfirm
                    title={t('tags.deleteGroupConfirm', { name: g.name })}
                    okText={t('common.delete')}
                    okButtonProps={{ danger: true }}
                    cancelText={t('common.cancel')}
                    onConfirm={() => removeGroup.mutateAsync(g).catch(() => undefined)}
                  >
                    <Button type="link" size="small" danger>
                      {t('common.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              )
            }
          >
            <Table<TagDto>
              rowKey="id"
              size="small"
              pagination={false}
              dataSource={g.tags}
              tableLayout="fixed"
              locale={{ emptyText: t('tags.groupEmpty') }}
              columns={[
                {
                  title: t('tags.name'),
                  dataIndex: 'name',
                  width: '30%',
                  render: (_, tag) => (
                    <span>
                      <Swatch color={tag.color} />
                      {tag.name}
                    </span>
                  ),
                },
                { title: t('tags.description'), dataIndex: 'description', render: (d: string | null) => d ?? '' },
                {
                  title: t('tags.customerCount'),
                  dataIndex: 'customerCount',
                  align: 'right',
                  width: 110,
                  render: (n: number, tag) =>
                    can('customers.read') ? <Link to={`/customers?tagsAny=${tag.id}`}>{n}</Link> : n,
                },
                ...(canWrite
                  ? [
                      {
                        title: t('common.actions'),
                        key: 'a',
                        width: 140,
                        render: (_: unknown, tag: TagDto) => (
                          <Space size={0}>
                            <Button type="link" size="small" onClick={() => setEditingTag({ tag })}>
                              {t('common.edit')}
                            </Button>
                            <Popconfirm
                              title={t('tags.deleteTagConfirm', { name: tag.name, count: tag.customerCount })}
                              okText={t('common.delete')}
                              okButtonProps={{ danger: true }}
                              cancelText={t('common.cancel')}
                              onConfirm={() => removeTag.mutateAsync(tag).catch(() => undefined)}
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
          </Card>
        ))}
      </Space>
      <GroupModal editing={editingGroup} onClose={() => setEditingGroup(null)} />
      <TagModal editing={editingTag} groups={items} onClose={() => setEditingTag(null)} />
    </div>
  );
}
