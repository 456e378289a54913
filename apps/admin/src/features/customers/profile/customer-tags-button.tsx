import { EditOutlined } from '@ant-design/icons';
import { type Customer, tagRoutes } from '@siyu/contracts';
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, List, Modal, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAuth, useSession } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { formatTime } from '../../../app/time';
import { TagSelect } from '../../tags/tag-select';
import { tagKeys, useInvalidateTags } from '../../tags/tags-api';

/** Tags of this customer: who or what added each, and a picker to change them. */
export function CustomerTagsButton({ customer: c }: { customer: Customer }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const [open, setOpen] = useState(false);
  if (!can('tags.read') || c.erased) return null;
  return (
    <>
      <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setOpen(true)}>
        {t('tags.editCustomerTags')}
      </Button>
      {open && <TagsModal customer={c} onClose={() => setOpen(false)} />}
    </>
  );
}

function TagsModal({ customer: c, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const tz = useSession().settings.timeZone;
  const showError = useShowError();
  const invalidate = useInvalidateTags();
  const [form] = Form.useForm<{ tagIds: string[] }>();
  const applied = useQuery({
    queryKey: tagKeys.customer(c.id),
    queryFn: () => call(tagRoutes.customerTags, { params: { id: c.id } }),
  });
  const canWrite = can('customers.write');
  const before = c.tags.map((x) => x.id);
  const save = useMutation({
    mutationFn: (v: { tagIds: string[] }) => {
      const add = v.tagIds.filter((id) => !before.includes(id));
      const remove = before.filter((id) => !v.tagIds.includes(id));
      if (add.length + remove.length === 0) return Promise.resolve(null);
      return call(tagRoutes.changeCustomerTags, { params: { id: c.id }, body: { add, remove } });
    },
    onSuccess: async (res) => {
      if (res) {
        await invalidate();
        void message.success(t('tags.customerTagsSaved'));
      }
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open
      title={t('tags.customerTagsTitle')}
      onCancel={onClose}
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending, disabled: !canWrite }}
      modalRender={(dom) => (
        <Form
          name="customer-tags"
          form={form}
          layout="vertical"
          initialValues={{ tagIds: before }}
          onFinish={(v) => save.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="tagIds" label={t('customers.tags')}>
        <TagSelect autoFocus />
      </Form.Item>
      <List
        size="small"
        loading={applied.isPending}
        dataSource={applied.data?.items ?? []}
        locale={{ emptyText: ' ' }}
        renderItem={(a) => (
          <List.Item>
            <span>
              <Tag color={a.color ?? undefined}>{a.name}</Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {a.groupName}
              </Typography.Text>
            </span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('tags.addedBy', {
                source: t(`tags.sources.${a.source}`),
                by: a.addedByName ?? a.addedBy ?? '—',
                time: formatTime(a.addedAt, tz, 'YYYY-MM-DD HH:mm'),
              })}
            </Typography.Text>
          </List.Item>
        )}
      />
    </Modal>
  );
}
