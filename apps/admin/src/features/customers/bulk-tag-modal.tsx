import { tagRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal, Radio } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { TagSelect } from '../tags/tag-select';
import { useInvalidateTags } from '../tags/tags-api';
import type { Filters } from './customers-api';

type Values = { scope: 'selected' | 'filtered'; add: string[]; remove: string[] };
type Props = {
  open: boolean;
  mode: 'tag' | 'untag';
  selectedIds: string[];
  filters: Filters;
  matchCount?: number;
  onClose: () => void;
};

/** Tags or untags the selected customers, or every customer matching the filters. */
export function BulkTagModal({ open, mode, selectedIds, filters, matchCount, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateTags();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) =>
      call(tagRoutes.bulkTags, {
        body: {
          filter: filters,
          customerIds: v.scope === 'selected' && selectedIds.length ? selectedIds : undefined,
          add: v.add ?? [],
          remove: v.remove ?? [],
        },
      }),
    onSuccess: async (res) => {
      await invalidate();
      void message.success(t('tags.bulkDone', { count: res.affected }));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  const n = selectedIds.length;
  return (
    <Modal
      open={open}
      title={t(mode === 'tag' ? 'tags.bulkTitle' : 'tags.bulkUntagTitle', { count: n || matchCount || 0 })}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form
          name="bulk-tags"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ scope: n ? 'selected' : 'filtered', add: [], remove: [] }}
          onFinish={(v) => save.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="scope" label={t('tags.bulkScope')}>
        <Radio.Group
          options={[
            { value: 'selected', label: t('tags.bulkSelected', { count: n }), disabled: n === 0 },
            { value: 'filtered', label: t('tags.bulkFiltered', { count: matchCount ?? 0 }) },
          ]}
        />
      </Form.Item>
      <Form.Item
        name={mode === 'tag' ? 'add' : 'remove'}
        label={t(mode === 'tag' ? 'tags.bulkAdd' : 'tags.bulkRemove')}
        rules={[{ required: true, type: 'array', min: 1, message: t('validation.required') }]}
      >
        <TagSelect autoFocus />
      </Form.Item>
    </Modal>
  );
}
