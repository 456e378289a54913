import { adminRoutes, type DataScope, type Permission, type Role, RoleInput } from '@siyu/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Radio, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { usePermissionCatalog } from '../../api/queries';
import { qk } from '../../api/query-keys';
import { useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { roleLabel } from '../../app/labels';
import { blankToNull, zodRule } from '../../app/validation';
import { PermissionPicker } from './permission-picker';

type Values = { name: string; description?: string; dataScope: DataScope; permissions: string[] };
type Props = { open: boolean; role?: Role; readOnly: boolean; onClose: () => void };

const SCOPES: DataScope[] = ['all', 'org_units', 'self'];

export function RoleDrawer({ open, role, readOnly, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const catalog = usePermissionCatalog(open);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name,
        description: blankToNull(v.description),
        dataScope: v.dataScope,
        permissions: v.permissions as Permission[],
      };
      return role
        ? call(adminRoutes.updateRole, { params: { id: role.id }, body })
        : call(adminRoutes.createRole, { body });
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: qk.roles });
      void message.success(t(role ? 'roles.updated' : 'roles.created'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });

  const title = readOnly ? t('roles.viewTitle') : t(role ? 'roles.editTitle' : 'roles.createTitle');
  const initialValues: Partial<Values> = role
    ? { name: role.name, description: role.description ?? '', dataScope: role.dataScope, permissions: role.permissions }
    : { dataScope: 'org_units', permissions: [] };

  return (
    <FormDrawer<Values>
      name="role"
      open={open}
      title={role ? `${title} · ${roleLabel(role, t)}` : title}
      onClose={onClose}
      form={form}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
      readOnly={readOnly}
      size={640}
    >
      {role?.key === 'owner' && (
        <Alert type="info" showIcon title={t('roles.ownerReadOnly')} style={{ marginBottom: 16 }} />
      )}
      <Form.Item name="name" required label={t('roles.name')} rules={[zodRule(RoleInput.shape.name, t)]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      <Form.Item name="description" label={t('roles.description')}>
        <Input.TextArea rows={2} maxLength={300} showCount />
      </Form.Item>
      <Form.Item
        name="dataScope"
        label={t('roles.dataScope')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Radio.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
          {SCOPES.map((s) => (
            <Radio key={s} value={s}>
              {t(`dataScope.${s}`)}
              <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                {t(`dataScope.${s}Help`)}
              </Typography.Text>
            </Radio>
          ))}
        </Radio.Group>
      </Form.Item>
      <Form.Item name="permissions" label={t('roles.permissions')}>
        {catalog.data ? <PermissionPicker groups={catalog.data.groups} disabled={readOnly} /> : <Skeleton active />}
      </Form.Item>
    </FormDrawer>
  );
}
