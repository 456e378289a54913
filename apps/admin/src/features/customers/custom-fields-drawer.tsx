import { PlusOutlined } from '@ant-design/icons';
import { CustomFieldInput, customerRoutes } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Checkbox,
  Drawer,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { zodRule } from '../../app/validation';
import type { FieldDef } from './custom-field-input';
import { customerKeys, useCustomFields } from './customers-api';

const TYPES = ['text', 'number', 'date', 'single', 'multi'] as const;
type Values = {
  key: string;
  label: string;
  type: FieldDef['type'];
  options: string[];
  required: boolean;
  sort: number;
};

/** Custom field definitions: what extra attributes a customer profile has. */
export function CustomFieldsDrawer({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const qc = useQueryClient();
  const fields = useCustomFields(open);
  const [editing, setEditing] = useState<{ def?: FieldDef } | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: customerKeys.fields });
  const remove = useMutation({
    mutationFn: (id: string) => call(customerRoutes.deleteField, { params: { id } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('common.deleted'));
    },
    onError: (e) => showError(e),
  });

  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={t('customers.fields.title')}
      size={720}
      destroyOnHidden
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({})}>
          {t('customers.fields.add')}
        </Button>
      }
    >
      <Table<FieldDef>
        rowKey="id"
        size="small"
        loading={fields.isPending}
        dataSource={fields.data ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <Empty description={t('customers.fields.empty')}>
              <Button type="primary" onClick={() => setEditing({})}>
                {t('customers.fields.add')}
              </Button>
            </Empty>
          ),
        }}
        columns={[
          { title: t('customers.fields.label'), dataIndex: 'label' },
          { title: t('customers.fields.key'), dataIndex: 'key', render: (k: string) => <code>{k}</code> },
          {
            title: t('customers.fields.type'),
            dataIndex: 'type',
            render: (ty: string) => t(`customers.fields.types.${ty}`),
          },
          {
            title: t('customers.fields.options'),
            dataIndex: 'options',
            render: (o: string[]) => o.map((x) => <Tag key={x}>{x}</Tag>),
          },
          {
            title: t('customers.fields.required'),
            dataIndex: 'required',
            render: (r: boolean) => (r ? t('customers.fields.yes') : ''),
          },
          {
            title: t('common.actions'),
            key: 'a',
            render: (_, d) => (
              <Space size={0}>
                <Button type="link" size="small" onClick={() => setEditing({ def: d })}>
                  {t('common.edit')}
                </Button>
                <Popconfirm
                  title={t('customers.fields.deleteConfirm', { label: d.label })}
                  okText={t('common.delete')}
                  okButtonProps={{ danger: true }}
                  cancelText={t('common.cancel')}
                  onConfirm={() => remove.mutateAsync(d.id).catch(() => undefined)}
                >
                  <Button type="link" size="small" danger>
                    {t('common.delete')}
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <FieldModal editing={editing} onClose={() => setEditing(null)} onSaved={refresh} />
    </Drawer>
  );
}

function FieldModal({
  editing,
  onClose,
  onSaved,
}: {
  editing: { def?: FieldDef } | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const type = Form.useWatch('type', form);
  const def = editing?.def;
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = { label: v.label, options: v.options ?? [], required: !!v.required, sort: v.sort ?? 0 };
      return def
        ? call(customerRoutes.updateField, { params: { id: def.id }, body: common })
        : call(customerRoutes.createField, { body: { ...common, key: v.key, type: v.type } });
    },
    onSuccess: async () => {
      await onSaved();
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  const shape = CustomFieldInput.shape;
  return (
    <Modal
      open={!!editing}
      title={t(def ? 'customers.fields.editTitle' : 'customers.fields.add')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form
          name="custom-field"
          form={form}
          layout="vertical"
          clearOnDestroy
          onFinish={(v) => save.mutate(v)}
          initialValues={def ? { ...def } : { type: 'text', options: [], required: false, sort: 0 }}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="label" label={t('customers.fields.label')} required rules={[zodRule(shape.label, t)]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      <Form.Item
        name="key"
        label={t('customers.fields.key')}
        required
        extra={t('customers.fields.keyHelp')}
        rules={def ? [] : [zodRule(shape.key, t)]}
      >
        <Input disabled={!!def} maxLength={40} />
      </Form.Item>
      <Form.Item name="type" label={t('customers.fields.type')}>
        <Select
          disabled={!!def}
          options={TYPES.map((ty) => ({ value: ty, label: t(`customers.fields.types.${ty}`) }))}
        />
      </Form.Item>
      {(type === 'single' || type === 'multi') && (
        <Form.Item name="options" label={t('customers.fields.options')} extra={t('customers.fields.optionsHelp')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，']} />
        </Form.Item>
      )}
      <Form.Item name="sort" label={t('customers.fields.sort')}>
        <InputNumber min={0} max={10000} />
      </Form.Item>
      <Form.Item name="required" valuePropName="checked">
        <Checkbox>{t('customers.fields.required')}</Checkbox>
      </Form.Item>
    </Modal>
  );
}
