import { Name, shopRoutes } from '@siyu/contracts';
import { Button, Form, Input, Selector, Toast } from 'antd-mobile';
import { type RefObject, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { errorText, showFieldErrors, zodRule } from '../../api/errors';
import { useSession, useSessionActions } from '../../api/session';
import { fromIsoDate, toIsoDate } from '../../app/dates';
import { FormError } from '../../app/FormError';
import { Page } from '../../app/Page';
import { shopPath, useSlug } from '../../app/useSlug';
import { AvatarField } from './AvatarField';
import { BirthdayField, type BirthdayFieldRef } from './BirthdayField';
import './me.css';

type GenderValue = 'unknown' | 'male' | 'female';
type Values = { nickname: string; avatarUrl: string | null; gender: GenderValue[]; birthday: Date | null };

const genders: GenderValue[] = ['male', 'female', 'unknown'];

/** /t/:slug/me/profile — nickname, avatar, gender and birthday. */
export function EditProfilePage() {
  const { t } = useTranslation();
  const slug = useSlug();
  const navigate = useNavigate();
  const account = useSession(slug).data?.account;
  const actions = useSessionActions(slug);
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  if (!account) return null; // RequireLogin renders this page only with a session

  const onFinish = async (values: Values) => {
    setError(null);
    setSaving(true);
    try {
      const saved = await call(shopRoutes.updateProfile, {
        params: { slug },
        body: {
          nickname: values.nickname?.trim() ? values.nickname.trim() : null,
          avatarUrl: values.avatarUrl ?? null,
          gender: values.gender?.[0] ?? 'unknown',
          birthday: values.birthday ? toIsoDate(values.birthday) : null,
        },
      });
      actions.accountChanged(saved);
      Toast.show({ icon: 'success', content: t('profile.saved') });
      navigate(shopPath(slug, 'me'), { replace: true });
    } catch (e) {
      if (!showFieldErrors(form, e, t, ['nickname', 'avatarUrl', 'gender', 'birthday'])) setError(errorText(e, t));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Page title={t('profile.title')} fallback={shopPath(slug, 'me')}>
      <Form
        name="profile"
        form={form}
        layout="horizontal"
        mode="card"
        initialValues={{
          nickname: account.nickname ?? '',
          avatarUrl: account.avatarUrl,
          gender: [account.gender],
          birthday: fromIsoDate(account.birthday),
        }}
        onFinish={onFinish}
        footer={
          <>
            <FormError message={error} />
            <Button block type="submit" color="primary" size="large" shape="rounded" loading={saving}>
              {t('profile.save')}
            </Button>
          </>
        }
      >
        <Form.Item name="avatarUrl" label={t('profile.avatar')}>
          <AvatarField />
        </Form.Item>
        <Form.Item
          name="nickname"
          label={t('profile.nickname')}
          rules={[zodRule(Name, t('validation.nickname'), { optional: true })]}
        >
          <Input name="nickname" maxLength={100} clearable placeholder={t('profile.nicknamePlaceholder')} />
        </Form.Item>
        <Form.Item name="gender" label={t('profile.gender')}>
          <Selector
            data-testid="gender"
            columns={3}
            showCheckMark={false}
            options={genders.map((value) => ({ value, label: t(`profile.genders.${value}`) }))}
          />
        </Form.Item>
        <Form.Item
          name="birthday"
          label={t('profile.birthday')}
          arrow
          onClick={(_, field: RefObject<BirthdayFieldRef | null>) => field.current?.open()}
        >
          <BirthdayField />
        </Form.Item>
      </Form>
    </Page>
  );
}
