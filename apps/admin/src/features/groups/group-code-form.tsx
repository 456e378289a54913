import { GROUP_CODE_LIMITS, type GroupCode } from '@siyu/contracts';
import { App, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { useGroupOptions, useSaveGroupCode } from './groups-api';

type Values = {
  name: string;
  groupIds: string[];
  memberCap: number;
  autoCreate: boolean;
  roomBaseName?: string | null;
  roomBaseId?: number | null;
  remark?: string | null;
};

const toForm = (c: GroupCode | null): Values =>
  c
    ? {
        name: c.name,
        groupIds: c.groups.map((g) => g.groupId).slice(0, GROUP_CODE_LIMITS.groupsMax),
        memberCap: c.memberCap,
        autoCreate: c.autoCreate,
        roomBaseName: c.roomBaseName,
        roomBaseId: c.roomBaseId,
        remark: c.remark,
      }
    : { name: '', groupIds: [], memberCap: GROUP_CODE_LIMITS.capDefault, autoCreate: false };

/** Create or change a group code: name, up to 5 groups in order, the cap, auto-create with a base name. */
export function GroupCodeForm({ open, code, onClose }: { open: boolean; code: GroupCode | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [q, setQ] = useState('');
  const options = useGroupOptions(q);
  const save = useSaveGroupCode();
  const autoCreate = Form.useWatch('autoCreate', form);
  const known = new Map((code?.groups ?? []).map((g) => [g.groupId, g.name]));
  for (const g of options.data?.items ?? []) known.set(g.id, `${g.name} (${g.memberCount})`);
  const submit = (v: Values) => {
    const body = {
      name: v.name,
      groupIds: v.groupIds,
      memberCap: v.memberCap,
      autoCreate: v.autoCreate,
      roomBaseName: v.autoCreate ? v.roomBaseName?.trim() || null : (v.roomBaseName ?? null),
      roomBaseId: v.roomBaseId ?? null,
      remark: v.remark?.trim() || null,
    };
    save.mutate(
      { id: code?.id, body },
      {
        onSuccess: () => {
          void message.success(code ? t('common.saved') : t('groupCodes.created', { name: v.name }));
          onClose();
        },
        onError: (e) => showError(e, form),
      },
    );
  };
  return (
    <FormDrawer<Values>
      name="group_code"
      open={open}
      title={code ? t('groupCodes.editTitle', { name: code.name }) : t('groupCodes.newTitle')}
      onClose={onClose}
      form={form}
      onFinish={submit}
      initialValues={toForm(code)}
      submitting={save.isPending}
    >
      <Form.Item name="name" label={t('groupCodes.field.name')} rules={[{ required: true, max: 40 }]}>
        <Input maxLength={40} />
      </Form.Item>
      <Form.Item
        name="groupIds"
        label={t('groupCodes.field.groups')}
        extra={t('groupCodes.field.groupsHint', { max: GROUP_CODE_LIMITS.groupsMax })}
        rules={[{ required: true, type: 'array', min: 1, message: t('groupCodes.field.groupsRequired') }]}
      >
        <Select
          mode="multiple"
          maxCount={GROUP_CODE_LIMITS.groupsMax}
          showSearch={{ filterOption: false, onSearch: setQ }}
          loading={options.isFetching}
          notFoundContent={t('groupCodes.field.noGroups')}
          options={[...known].map(([value, label]) => ({ value, label }))}
        />
      </Form.Item>
      <Form.Item
        name="memberCap"
        label={t('groupCodes.field.cap')}
        extra={t('groupCodes.field.capHint', { max: GROUP_CODE_LIMITS.capMax })}
        rules={[{ required: true }]}
      >
        <InputNumber min={1} max={GROUP_CODE_LIMITS.capMax} precision={0} />
      </Form.Item>
      <Form.Item
        name="autoCreate"
        label={t('groupCodes.field.autoCreate')}
        valuePropName="checked"
        extra={t('groupCodes.field.autoCreateHint')}
      >
        <Switch />
      </Form.Item>
      {autoCreate && (
        <>
          <Form.Item
            name="roomBaseName"
            label={t('groupCodes.field.roomBaseName')}
            rules={[{ required: true, max: GROUP_CODE_LIMITS.roomBaseNameMaxChars }]}
          >
            <Input
              maxLength={GROUP_CODE_LIMITS.roomBaseNameMaxChars}
              placeholder={t('groupCodes.field.roomBaseNamePlaceholder')}
            />
          </Form.Item>
          <Form.Item name="roomBaseId" label={t('groupCodes.field.roomBaseId')}>
            <InputNumber min={1} max={100000} precision={0} placeholder="1" />
          </Form.Item>
        </>
      )}
      <Form.Item name="remark" label={t('groupCodes.field.remark')}>
        <Input maxLength={GROUP_CODE_LIMITS.remarkMaxChars} />
      </Form.Item>
      <Typography.Paragraph type="secondary">{t('groupCodes.field.welcomeNote')}</Typography.Paragraph>
    </FormDrawer>
  );
}
