import { LIVE_CODE_LIMITS, LiveCodeInput } from '@siyu/contracts';
import { App, Button, Card, Form, Input, InputNumber, Radio, Select, Space, Spin, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError, isApiError } from '../../api/client';
import { useOrgUnits } from '../../api/queries';
import { useAuth } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { PageHeader } from '../../app/page-header';
import { LoadError } from '../../app/pages';
import { zodRule } from '../../app/validation';
import { StaffMultiSelect } from './staff-multi-select';
import { TagSelect } from '../tags/tag-select';
import { EMPTY_VALUES, type LiveCodeValues, toBody, toValues } from './form-model';
import { useGroupCodeOptions, useLiveCode, useSaveLiveCode } from './live-codes-api';
import { MembersEditor } from './members-editor';
import { ScheduleEditor } from './schedule-editor';
import { TemplateInput } from './template-input';
import { WelcomeEditor } from './welcome-editor';

const DISTRIBUTIONS = ['round_robin', 'random', 'sequential', 'weighted'] as const;
const shape = LiveCodeInput.shape;

/** Paths of a 400 answer (the contract's fields) as the form's fields. */
const FORM_PATH: [string[], (string | number)[]][] = [
  [['welcome', 'text'], ['welcomeText']],
  [['welcome', 'attachments'], ['attachments']],
  [['schedule', 'slots'], ['slots']],
  [['skipVerifyWindow'], ['windowStart']],
];
function onFormPaths(err: unknown): unknown {
  if (!isApiError(err) || err.status !== 400) return err;
  const d = err.details as { issues?: { path: string; message: string }[] } | undefined;
  if (!d?.issues) return err;
  const issues = d.issues.map((i) => {
    const parts = String(i.path)
      .split(/[./]/)
      .filter((p) => p && p !== 'body');
    for (const [from, to] of FORM_PATH)
      if (from.every((p, k) => parts[k] === p)) return { ...i, path: [...to, ...parts.slice(from.length)].join('.') };
    return { ...i, path: parts.join('.') };
  });
  return new ApiError(err.status, err.code, err.message, { ...d, issues });
}

/** Creates a live code (/live-codes/new) or edits one (/live-codes/:id/edit). */
export function LiveCodeFormPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { can } = useAuth();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<LiveCodeValues>();
  const code = useLiveCode(id);
  const org = useOrgUnits(can('org.read'));
  const groupCodes = useGroupCodeOptions(true);
  const save = useSaveLiveCode();
  const scheduleOn = Form.useWatch('scheduleOn', form);
  const skipVerify = Form.useWatch('skipVerify', form);
  const welcomeMode = Form.useWatch('welcomeMode', form);

  if (id && code.isPending) return <Spin style={{ display: 'block', margin: '64px auto' }} />;
  if (id && code.isError) return <LoadError error={code.error} onRetry={() => void code.refetch()} />;
  const units = org.data?.items ?? [];
  const unitOptions = (kind?: string) =>
    units.filter((u) => (kind ? u.kind === kind : u.kind !== 'warehouse')).map((u) => ({ value: u.id, label: u.name }));

  const onFinish = (v: LiveCodeValues) => {
    const body = toBody(v);
    if (body.members.length + body.departmentIds.length === 0) {
      form.setFields([{ name: 'departmentIds', errors: [t('liveCodes.form.needPeople')] }]);
      return;
    }
    save.mutate(
      { id, body },
      {
        onSuccess: (saved) => {
          void message.success(t(id ? 'common.saved' : 'liveCodes.created', { name: saved.name }));
          navigate('/live-codes');
        },
        onError: (e) => showError(onFormPaths(e), form),
      },
    );
  };

  return (
    <div style={{ maxWidth: 880 }}>
      <PageHeader title={id ? t('liveCodes.editTitle', { name: code.data?.name }) : t('liveCodes.newTitle')} />
      <Form<LiveCodeValues>
        name="liveCode"
        form={form}
        layout="vertical"
        initialValues={code.data ? toValues(code.data) : EMPTY_VALUES}
        onFinish={onFinish}
        scrollToFirstError
      >
        <Space direction="vertical" size={16} style={{ width: '100%' }}>
          <Card title={t('liveCodes.form.basics')}>
            <Form.Item name="name" label={t('liveCodes.form.name')} rules={[zodRule(shape.name, t)]}>
              <Input maxLength={40} autoFocus placeholder={t('liveCodes.form.namePlaceholder')} />
            </Form.Item>
            <Form.Item name="orgUnitId" label={t('liveCodes.form.store')}>
              <Select allowClear options={unitOptions('store')} loading={org.isLoading} />
            </Form.Item>
            <Form.Item name="description" label={t('liveCodes.form.description')}>
              <Input.TextArea maxLength={500} autoSize={{ minRows: 2, maxRows: 5 }} />
            </Form.Item>
          </Card>

          <Card title={t('liveCodes.form.people')}>
            <Form.Item name="distribution" label={t('liveCodes.form.distribution')}>
              <Select options={DISTRIBUTIONS.map((d) => ({ value: d, label: t(`liveCodes.distribution.${d}`) }))} />
            </Form.Item>
            <Form.Item label={t('liveCodes.form.members')} extra={t('liveCodes.form.membersHint')}>
              <MembersEditor />
            </Form.Item>
            <Form.Item
              name="departmentIds"
              label={t('liveCodes.form.departments')}
              extra={t('liveCodes.form.departmentsHint')}
            >
              <Select
                mode="multiple"
                allowClear
                options={unitOptions()}
                optionFilterProp="label"
                maxCount={LIVE_CODE_LIMITS.departmentsMax}
              />
            </Form.Item>
            <Form.Item name="departmentDailyCap" label={t('liveCodes.form.departmentDailyCap')}>
              <InputNumber
                min={1}
                max={100_000}
                precision={0}
                placeholder={t('liveCodes.form.noCap')}
                style={{ width: 180 }}
              />
            </Form.Item>
            <Form.Item name="backupStaffIds" label={t('liveCodes.form.backup')} extra={t('liveCodes.form.backupHint')}>
              <StaffMultiSelect max={LIVE_CODE_LIMITS.backupMax} />
            </Form.Item>
            <Form.Item
              name="scheduleOn"
              label={t('liveCodes.form.schedule')}
              valuePropName="checked"
              extra={t('liveCodes.form.scheduleHint')}
            >
              <Switch />
            </Form.Item>
            {scheduleOn && <ScheduleEditor />}
          </Card>

          <Card title={t('liveCodes.form.adding')}>
            <Form.Item name="skipVerify" label={t('liveCodes.form.skipVerify')}>
              <Radio.Group
                options={(['always', 'never', 'window'] as const).map((v) => ({
                  value: v,
                  label: t(`liveCodes.skipVerify.${v}`),
                }))}
              />
            </Form.Item>
            {skipVerify === 'window' && (
              <Space>
                <Form.Item
                  name="windowStart"
                  label={t('liveCodes.form.start')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input type="time" style={{ width: 120 }} />
                </Form.Item>
                <Form.Item
                  name="windowEnd"
                  label={t('liveCodes.form.end')}
                  rules={[{ required: true, message: t('validation.required') }]}
                >
                  <Input type="time" style={{ width: 120 }} />
                </Form.Item>
              </Space>
            )}
            <Form.Item name="tagIds" label={t('liveCodes.form.tags')} extra={t('liveCodes.form.tagsHint')}>
              <TagSelect />
            </Form.Item>
            <Form.Item name="remarkTemplate" label={t('liveCodes.form.remark')} extra={t('liveCodes.form.remarkHint')}>
              <TemplateInput maxLength={60} />
            </Form.Item>
            <Form.Item name="descriptionTemplate" label={t('liveCodes.form.descriptionTemplate')}>
              <TemplateInput maxLength={200} />
            </Form.Item>
          </Card>

          <Card title={t('liveCodes.form.welcome')}>
            <Form.Item name="welcomeMode">
              <Radio.Group
                options={(['default', 'custom', 'none'] as const).map((v) => ({
                  value: v,
                  label: t(`liveCodes.welcomeMode.${v}`),
                }))}
              />
            </Form.Item>
            {welcomeMode === 'default' && (
              <p>
                {t('liveCodes.form.defaultWelcomeHint')}{' '}
                <Link to="/live-codes?defaultWelcome=1" target="_blank">
                  {t('liveCodes.defaultWelcome')}
                </Link>
              </p>
            )}
            {welcomeMode === 'custom' && <WelcomeEditor textName="welcomeText" attachmentsName="attachments" />}
            <Form.Item
              name="groupCodeId"
              label={t('liveCodes.form.groupCode')}
              extra={groupCodes.isError ? t('liveCodes.form.groupCodesUnavailable') : t('liveCodes.form.groupCodeHint')}
            >
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                loading={groupCodes.isLoading}
                disabled={groupCodes.isError}
                options={(groupCodes.data?.items ?? []).map((g) => ({ value: g.id, label: g.name }))}
              />
            </Form.Item>
          </Card>

          <Space>
            <Button type="primary" htmlType="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
            <Button onClick={() => navigate('/live-codes')}>{t('common.cancel')}</Button>
          </Space>
        </Space>
      </Form>
    </div>
  );
}
