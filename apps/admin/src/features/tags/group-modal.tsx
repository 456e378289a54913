import { type TagGroup, TagGroupInput, tagRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { zodRule } from '../../app/validation';
import { useInvalidateTags } from './tags-api';

type Values = { name: string; selectMode: TagGroup['selectMode']; sort: number };

export function GroupModal({ editing, onClose }: { editing: { group?: TagGroup } | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateTags();
  const [form] = Form.useForm<Values>();
  const group = editing?.group;
  const save = useMutation({
    mutationFn: (v: Values) =>
      group
        ? call(tagRoutes.updateGroup, { params: { id: group.id }, body: v })
        : call(tagRoutes.createGroup, { body: v }),
    onSuccess: async () => {
      await invalidate();
      void message.success(t('common.saved'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={!!editing}
      title={t(group ? 'tags.editGroup' : 'tags.addGroup')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form
          name="tag-group"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={
            group
              ? { name: group.name, selectMode: group.selectMode, sort: group.sort }
              : { selectMode: 'multi', sort: 0 }
          }
          onFinish={(v) => save.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="name" label={t('tags.groupName')} required rules={[zodRule(TagGroupInput.shape.name, t)]}>
        <Input autoFocus maxLength={100} placeholder={t('tags.groupNameHint')} />
      </Form.Item>
      <Form.Item name="selectMode" label={t('tags.selectMode')} extra={t('tags.selectModeHelp')}>
        <Radio.Group
          options={(['multi', 'single'] as const).map((m) => ({ value: m, label: t(`tags.selectModes.${m}`) }))}
        />
      </Form.Item>
      <Form.Item name="sort" label={t('tags.sort')}>
        <InputNumber min={0} max={10000} />
      </Form.Item>
    </Modal>
  );
}
