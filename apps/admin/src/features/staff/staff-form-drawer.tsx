import { adminRoutes, CreateStaffInput, Password, type Staff } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Input, Radio, Select, TreeSelect } from 'antd';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useOrgUnits, useRoles } from '../../api/queries';
import { useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { roleLabel } from '../../app/labels';
import { buildOrgTree, toTreeSelect } from '../../app/org-tree';
import { blankToNull, blankToUndefined, zodRule } from '../../app/validation';
import { useInvalidateStaff } from './staff-api';

type Values = {
  name: string;
  email: string;
  phone?: string;
  title?: string;
  roleIds: string[];
  orgUnitIds: string[];
  mode: 'invite' | 'password';
  password?: string;
};

type Props = {
  open: boolean;
  /** The staff member to edit; absent when adding one. */
  staff?: Staff;
  onClose: () => void;
  onInvited: (name: string, inviteUrl: string) => void;
};

const shape = CreateStaffInput.shape;

export function StaffFormDrawer({ open, staff, onClose, onInvited }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateStaff();
  const [form] = Form.useForm<Values>();
  const mode = Form.useWatch('mode', form);
  const roles = useRoles(open);
  const org = useOrgUnits(open);

  const save = useMutation({
    mutationFn: async (v: Values) => {
      if (staff) {
        const body = {
          name: v.name,
          phone: blankToNull(v.phone),
          title: blankToNull(v.title),
          roleIds: v.roleIds,
          orgUnitIds: v.orgUnitIds ?? [],
        };
        await call(adminRoutes.updateStaff, { params: { id: staff.id }, body });
        return null;
      }
      const res = await call(adminRoutes.createStaff, {
        body: {
          name: v.name,
          email: v.email,
          phone: blankToUndefined(v.phone),
          title: blankToUndefined(v.title),
          roleIds: v.roleIds,
          orgUnitIds: v.orgUnitIds ?? [],
          mode: v.mode,
          password: v.mode === 'password' ? v.password : undefined,
        },
      });
      return res.inviteUrl;
    },
    onSuccess: async (inviteUrl, v) => {
      await invalidate();
      void message.success(t(staff ? 'staff.updated' : 'staff.created'));
      onClose();
      if (inviteUrl) onInvited(v.name, new URL(inviteUrl, window.location.origin).toString());
    },
    onError: (e) => showError(e, form),
  });

  const initialValues: Partial<Values> = staff
    ? {
        name: staff.name,
        email: staff.email,
        phone: staff.phone ?? '',
        title: staff.title ?? '',
        roleIds: staff.roleIds,
        orgUnitIds: staff.orgUnitIds,
      }
    : { mode: 'invite', roleIds: [], orgUnitIds: [] };

  return (
    <FormDrawer<Values>
      name="staff"
      open={open}
      title={t(staff ? 'staff.editTitle' : 'staff.createTitle')}
      onClose={onClose}
      form={form}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="name" required label={t('staff.name')} rules={[zodRule(shape.name, t)]}>
        <Input autoFocus maxLength={100} />
      </Form.Item>
      <Form.Item name="email" required={!staff} label={t('staff.email')} rules={staff ? [] : [zodRule(shape.email, t)]}>
        <Input disabled={!!staff} inputMode="email" autoComplete="off" />
      </Form.Item>
      <Form.Item name="phone" label={t('staff.phone')} rules={[zodRule(shape.phone, t, { optional: true })]}>
        <Input inputMode="tel" />
      </Form.Item>
      <Form.Item name="title" label={t('staff.jobTitle')} rules={[zodRule(shape.title, t, { optional: true })]}>
        <Input maxLength={60} />
      </Form.Item>
      <Form.Item name="roleIds" required label={t('staff.roles')} rules={[zodRule(shape.roleIds, t)]}>
        <Select
          mode="multiple"
          loading={roles.isPending}
          showSearch={{ optionFilterProp: 'label' }}
          options={(roles.data?.items ?? []).map((r) => ({ value: r.id, label: roleLabel(r, t) }))}
        />
      </Form.Item>
      <Form.Item name="orgUnitIds" label={t('staff.orgUnits')}>
        <TreeSelect
          multiple
          treeDefaultExpandAll
          allowClear
          loading={org.isPending}
          showSearch={{ treeNodeFilterProp: 'title' }}
          treeData={toTreeSelect(buildOrgTree(org.data?.items ?? []))}
        />
      </Form.Item>
      {!staff && (
        <Form.Item
          name="mode"
          label={t('staff.mode')}
          extra={mode === 'invite' ? t('staff.modeInviteHelp') : undefined}
        >
          <Radio.Group
            options={[
              { value: 'invite', label: t('staff.modeInvite') },
              { value: 'password', label: t('staff.modePassword') },
            ]}
          />
        </Form.Item>
      )}
      {!staff && mode === 'password' && (
        <Form.Item name="password" required label={t('staff.initialPassword')} rules={[zodRule(Password, t)]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      )}
    </FormDrawer>
  );
}
