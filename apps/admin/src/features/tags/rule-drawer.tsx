import { type TagRule, tagRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Alert, App, Button, Checkbox, Form, Input, Select, Space, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { z } from 'zod';
import { call } from '../../api/client';
import { errorText, useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { ConditionBuilder } from './condition-builder';
import { emptyRoot, fromDsl, type Root, toDsl } from './rule-model';
import { Swatch } from './tag-select';
import { useInvalidateTags, useTagGroups } from './tags-api';

type Rule = z.infer<typeof TagRule>;
type Values = { name: string; tagId?: string; enabled: boolean; removeWhenFalse: boolean; condition: Root };
type Props = { open: boolean; rule?: Rule; onClose: () => void };

/** Creates or edits an automatic tag rule, with a live "how many match now" preview. */
export function RuleDrawer(p: Props) {
  // One form per rule: switching between rules (or to a new one) never sees another's values.
  return <RuleDrawerForm key={p.rule?.id ?? 'new'} {...p} />;
}

function RuleDrawerForm({ open, rule, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const showError = useShowError();
  const invalidate = useInvalidateTags();
  const groups = useTagGroups(open);
  const [form] = Form.useForm<Values>();
  const [preview, setPreview] = useState<{ count: number; sample: string[] } | { error: string } | null>(null);

  const save = useMutation({
    mutationFn: (v: Values) => {
      const body = {
        name: v.name,
        tagId: v.tagId ?? '',
        enabled: v.enabled,
        removeWhenFalse: v.removeWhenFalse,
        condition: toDsl(v.condition),
      };
      return rule
        ? call(tagRoutes.updateRule, { params: { id: rule.id }, body })
        : call(tagRoutes.createRule, { body });
    },
    onSuccess: async () => {
      await invalidate();
      void message.success(t(rule ? 'tags.rules.updated' : 'tags.rules.created'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  const runPreview = useMutation({
    mutationFn: () =>
      call(tagRoutes.previewRule, { body: { condition: toDsl(form.getFieldValue('condition') as Root) } }),
    onSuccess: (res) => setPreview(res),
    onError: (e) => setPreview({ error: errorText(e, t) }),
  });

  const initialValues: Values = rule
    ? {
        name: rule.name,
        tagId: rule.tagId,
        enabled: rule.enabled,
        removeWhenFalse: rule.removeWhenFalse,
        condition: fromDsl(rule.condition),
      }
    : { name: '', enabled: true, removeWhenFalse: false, condition: emptyRoot() };

  return (
    <FormDrawer<Values>
      name="tag-rule"
      open={open}
      size={860}
      title={t(rule ? 'tags.rules.editTitle' : 'tags.rules.createTitle')}
      onClose={() => {
        setPreview(null);
        onClose();
      }}
      form={form}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item
        name="name"
        label={t('tags.rules.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input autoFocus maxLength={100} placeholder={t('tags.rules.nameHint')} />
      </Form.Item>
      <Form.Item
        name="tagId"
        label={t('tags.rules.tag')}
        extra={t('tags.rules.tagHelp')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Select
          showSearch={{ optionFilterProp: 'name' }}
          options={(groups.data?.items ?? []).map((g) => ({
            label: g.name,
            title: g.name,
            options: g.tags.map((tag) => ({
              value: tag.id,
              name: `${g.name} ${tag.name}`,
              label: tag.name,
              color: tag.color,
            })),
          }))}
          optionRender={(o) => (
            <span>
              <Swatch color={(o.data as { color?: string | null }).color} />
              {o.label}
            </span>
          )}
        />
      </Form.Item>
      <Form.Item name="condition" label={t('tags.rules.condition')} extra={t('tags.rules.conditionHelp')}>
        <ConditionBuilder />
      </Form.Item>
      <Space style={{ marginBottom: 16 }} align="start" wrap>
        <Button onClick={() => runPreview.mutate()} loading={runPreview.isPending}>
          {t('tags.rules.preview')}
        </Button>
        {preview && 'error' in preview && <Alert type="error" showIcon title={preview.error} />}
        {preview && 'count' in preview && (
          <div data-testid="rule-preview">
            <Typography.Text strong>{t('tags.rules.previewCount', { count: preview.count })}</Typography.Text>
            {preview.sample.length > 0 && (
              <div style={{ fontSize: 12 }}>
                {t('tags.rules.previewSample')}{' '}
                {preview.sample.slice(0, 10).map((id) => (
                  <Link key={id} to={`/customers/${id}`} style={{ marginRight: 8 }}>
                    {id.slice(-6)}
                  </Link>
                ))}
              </div>
            )}
          </div>
        )}
      </Space>
      <Form.Item name="enabled" label={t('tags.rules.enabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      <Form.Item name="removeWhenFalse" valuePropName="checked" extra={t('tags.rules.removeWhenFalseHelp')}>
        <Checkbox>{t('tags.rules.removeWhenFalse')}</Checkbox>
      </Form.Item>
    </FormDrawer>
  );
}
