import { type Tag, type TagGroup, TagInput, tagRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { zodRule } from '../../app/validation';
import { ColorField } from './color-field';
import { TAG_COLORS, useInvalidateTags } from './tags-api';

type Values = { groupId: string; name: string; color: string | null; description?: string; sort: number };
type Props = { editing: { tag?: Tag; groupId?: string } | null; groups: TagGroup[]; onClose: () => void };

export function TagModal({ editing, groups, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateTags();
  const [form] = Form.useForm<Values>();
  const tag = editing?.tag;
  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = { ...v, color: v.color || null, description: v.description?.trim() || null };
      return tag ? call(tagRoutes.updateTag, { params: { id: tag.id }, body }) : call(tagRoutes.createTag, { body });
    },
    onSuccess: async () => {
      await invalidate();
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  const shape = TagInput.shape;
  return (
    <Modal
      open={!!editing}
      title={t(tag ? 'tags.editTag' : 'tags.addTag')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form
          name="tag"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={
            tag
              ? {
                  groupId: tag.groupId,
                  name: tag.name,
                  color: tag.color,
                  description: tag.description ?? '',
                  sort: tag.sort,
                }
              : { groupId: editing?.groupId, color: TAG_COLORS[0], sort: 0 }
          }
          onFinish={(v) => save.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="name" label={t('tags.name')} required rules={[zodRule(shape.name, t)]}>
        <Input autoFocus maxLength={30} showCount />
      </Form.Item>
      <Form.Item
        name="groupId"
        label={t('tags.group')}
        required
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select options={groups.map((g) => ({ value: g.id, label: g.name }))} />
      </Form.Item>
      <Form.Item name="color" label={t('tags.color')} rules={[zodRule(shape.color, t, { optional: true })]}>
        <ColorField />
      </Form.Item>
      <Form.Item name="description" label={t('tags.description')}>
        <Input.TextArea maxLength={200} rows={2} />
      </Form.Item>
      <Form.Item name="sort" label={t('tags.sort')}>
        <InputNumber min={0} max={10000} />
      </Form.Item>
    </Modal>
  );
}
