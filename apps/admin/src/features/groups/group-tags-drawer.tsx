import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { App, Button, ColorPicker, Drawer, Empty, Form, Input, List, Popconfirm, Space, Tag } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/errors';
import { useDeleteGroupTag, useGroupTags, useSaveGroupTag } from './groups-api';

type Values = { name: string; color?: string | null };
const hex = (v: unknown) =>
  typeof v === 'string' ? v : ((v as { toHexString?: () => string })?.toHexString?.() ?? null);

/** 群标签: the tenant's small set of group labels — add, rename, recolour, delete. */
export function GroupTagsDrawer({
  open,
  onClose,
  canWrite,
}: {
  open: boolean;
  onClose: () => void;
  canWrite: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const tags = useGroupTags();
  const save = useSaveGroupTag();
  const remove = useDeleteGroupTag();
  const [form] = Form.useForm<Values>();
  const [editing, setEditing] = useState<string | null>(null);
  const submit = (v: Values) =>
    save.mutate(
      { id: editing ?? undefined, name: v.name, color: hex(v.color) },
      {
        onSuccess: () => {
          form.resetFields();
          setEditing(null);
          void message.success(t('common.saved'));
        },
        onError: (e) => showError(e, form),
      },
    );
  return (
    <Drawer open={open} onClose={onClose} title={t('groups.tags.title')} size={420} destroyOnHidden>
      {canWrite && (
        <Form<Values> form={form} name="group_tag" layout="inline" onFinish={submit} style={{ marginBottom: 16 }}>
          <Form.Item name="name" rules={[{ required: true, message: t('groups.tags.nameRequired') }]}>
            <Input placeholder={t('groups.tags.name')} maxLength={30} aria-label={t('groups.tags.name')} />
          </Form.Item>
          <Form.Item name="color">
            <ColorPicker format="hex" allowClear aria-label={t('groups.tags.color')} />
          </Form.Item>
          <Form.Item>
            <Space>
              <Button type="primary" htmlType="submit" loading={save.isPending}>
                {editing ? t('common.save') : t('groups.tags.add')}
              </Button>
              {editing && (
                <Button
                  onClick={() => {
                    setEditing(null);
                    form.resetFields();
                  }}
                >
                  {t('common.cancel')}
                </Button>
              )}
            </Space>
          </Form.Item>
        </Form>
      )}
      <List
        loading={tags.isPending}
        dataSource={tags.data?.items ?? []}
        locale={{ emptyText: <Empty description={t('groups.tags.empty')} /> }}
        renderItem={(tag) => (
          <List.Item
            actions={
              canWrite
                ? [
                    <Button
                      key="edit"
                      size="small"
                      icon={<EditOutlined />}
                      aria-label={t('common.edit')}
                      onClick={() => {
                        setEditing(tag.id);
                        form.setFieldsValue({ name: tag.name, color: tag.color });
                      }}
                    />,
                    <Popconfirm
                      key="delete"
                      title={t('groups.tags.deleteConfirm', { name: tag.name, count: tag.groupCount })}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove.mutateAsync(tag.id).catch((e) => showError(e))}
                    >
                      <Button size="small" danger icon={<DeleteOutlined />} aria-label={t('common.delete')} />
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <Space>
              <Tag color={tag.color ?? undefined}>{tag.name}</Tag>
              <span>{t('groups.tags.count', { count: tag.groupCount })}</span>
            </Space>
          </List.Item>
        )}
      />
    </Drawer>
  );
}
