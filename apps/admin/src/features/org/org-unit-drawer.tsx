import { adminRoutes, type OrgUnit, OrgUnitInput } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, InputNumber, Radio, Space, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { qk } from '../../api/query-keys';
import { useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { buildOrgTree, subtreeIds, toTreeSelect } from '../../app/org-tree';
import { blankToNull, zodRule } from '../../app/validation';

type Values = {
  kind: OrgUnit['kind'];
  parentId?: string | null;
  name: string;
  code?: string;
  address?: string;
  latitude?: number | null;
  longitude?: number | null;
  phone?: string;
};

export type OrgEditing = { unit?: OrgUnit; parentId?: string | null };
type Props = { editing: OrgEditing | null; units: OrgUnit[]; onClose: () => void };

const shape = OrgUnitInput.shape;

export function OrgUnitDrawer({ editing, units, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const unit = editing?.unit;

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        kind: v.kind,
        parentId: v.parentId ?? null,
        name: v.name,
        code: blankToNull(v.code),
        address: blankToNull(v.address),
        latitude: v.latitude ?? null,
        longitude: v.longitude ?? null,
        phone: blankToNull(v.phone),
      };
      return unit
        ? call(adminRoutes.updateOrgUnit, { params: { id: unit.id }, body })
        : call(adminRoutes.createOrgUnit, { body });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: qk.orgUnits });
      void message.success(t(unit ? 'org.updated' : 'org.created'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });

  // A unit cannot move below itself.
  const blocked = unit ? subtreeIds(units, unit.id) : new Set<string>();
  const parentTree = toTreeSelect(buildOrgTree(units), blocked);
  const parent = editing?.parentId ? units.find((u) => u.id === editing.parentId) : undefined;
  const initialValues: Partial<Values> = unit
    ? {
        kind: unit.kind,
        parentId: unit.parentId,
        name: unit.name,
        code: unit.code ?? '',
        address: unit.address ?? '',
        latitude: unit.latitude,
        longitude: unit.longitude,
        phone: unit.phone ?? '',
      }
    : { kind: parent ? 'store' : 'department', parentId: editing?.parentId ?? null };

  return (
    <FormDrawer<Values>
      name="org-unit"
      open={!!editing}
      title={unit ? t('org.editTitle', { name: unit.name }) : t('org.createTitle')}
      onClose={onClose}
      form={form}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="name" required label={t('org.name')} rules={[zodRule(shape.name, t)]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      <Form.Item name="kind" required label={t('org.kind')}>
        <Radio.Group
          optionType="button"
          options={[
            { value: 'department', label: t('org.department') },
            { value: 'store', label: t('org.store') },
            { value: 'warehouse', label: t('org.warehouse') },
          ]}
        />
      </Form.Item>
      <Form.Item name="parentId" label={t('org.parent')}>
        <TreeSelect
          allowClear
          treeDefaultExpandAll
          placeholder={t('org.noParent')}
          treeData={parentTree}
          showSearch={{ treeNodeFilterProp: 'title' }}
        />
      </Form.Item>
      <Form.Item name="code" label={t('org.code')} rules={[zodRule(shape.code, t, { optional: true })]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item name="address" label={t('org.address')} rules={[zodRule(shape.address, t, { optional: true })]}>
        <Input maxLength={200} />
      </Form.Item>
      <Form.Item label={`${t('org.latitude')} / ${t('org.longitude')}`} extra={t('org.positionHint')}>
        <Space>
          <Form.Item name="latitude" noStyle rules={[zodRule(shape.latitude, t, { optional: true })]}>
            <InputNumber min={-90} max={90} step={0.0001} precision={6} placeholder={t('org.latitude')} />
          </Form.Item>
          <Form.Item name="longitude" noStyle rules={[zodRule(shape.longitude, t, { optional: true })]}>
            <InputNumber min={-180} max={180} step={0.0001} precision={6} placeholder={t('org.longitude')} />
          </Form.Item>
        </Space>
      </Form.Item>
      <Form.Item name="phone" label={t('org.phone')} rules={[zodRule(shape.phone, t, { optional: true })]}>
        <Input inputMode="tel" maxLength={30} />
      </Form.Item>
    </FormDrawer>
  );
}
