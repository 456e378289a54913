import { dataJobRoutes, IMPORT_FIELDS, type ImportJob, type ImportMapping, needsNamespace } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { Button, Form, Input, Radio, Select, Space, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import { useCustomFields } from '../customers/customers-api';
import { useInvalidateJobs } from './jobs-api';

const IDENTITY_KINDS = ['openid', 'wecom_external', 'platform_buyer', 'shop_account'] as const;
const SKIP = '__skip__';
const NAMESPACE = /^[A-Za-z0-9_.-]{1,80}$/;

/** `identity:openid:wx123` → the select's `identity:openid`, the namespace `wx123` and whether it needs one. */
function splitTarget(target: string | null | undefined) {
  const m = target?.match(/^identity:([a-z_]+)(?::(.*))?$/);
  if (!m) return { base: target ?? null, kind: null, namespace: '' };
  return { base: `identity:${m[1]}`, kind: needsNamespace(m[1]!) ? m[1]! : null, namespace: m[2] ?? '' };
}
type Options = { update: 'fill' | 'overwrite'; source: string; tagGroup: string };
type Row = { column: string; samples: string[] };

/** Step 2: where each column goes (suggested by the API), how to treat existing customers, then start. */
export function MappingStep({
  job,
  onStarted,
  onCancel,
}: {
  job: ImportJob;
  onStarted: (j: ImportJob) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const showError = useShowError();
  const invalidate = useInvalidateJobs();
  const fields = useCustomFields();
  const [form] = Form.useForm<Options>();
  const [mapping, setMapping] = useState<ImportMapping>(() => ({ ...job.suggestedMapping }));
  const rows: Row[] = job.columns.map((column, i) => ({
    column,
    samples: job.sample
      .map((r) => r[i] ?? '')
      .filter(Boolean)
      .slice(0, 3),
  }));
  const used = new Set(Object.values(mapping).filter(Boolean));

  const targets = useMemo(
    () => [
      { value: SKIP, label: t('imports.mapping.skip') },
      {
        label: t('imports.mapping.groupProfile'),
        title: 'profile',
        options: IMPORT_FIELDS.map((f) => ({ value: f, label: t(`imports.targets.${f}`) })),
      },
      {
        label: t('imports.mapping.groupCustom'),
        title: 'custom',
        options: (fields.data ?? []).map((d) => ({ value: `custom:${d.key}`, label: d.label })),
      },
      {
        label: t('imports.mapping.groupIdentity'),
        title: 'identity',
        options: IDENTITY_KINDS.map((k) => ({ value: `identity:${k}`, label: t(`customers.identities.kinds.${k}`) })),
      },
    ],
    [t, fields.data],
  );
  // A target suggested by the API that the options above do not list.
  const extra = Object.values(mapping)
    .map((v) => splitTarget(v).base)
    .filter((v): v is string => !!v && !targets.some((g) => 'options' in g && g.options?.some((o) => o.value === v)))
    .map((v) => ({ value: v, label: v }));
  // Identities of an app, corp or platform (openid, WeCom external user id, buyer id) need it named.
  const missingNamespace = Object.values(mapping).some((v) => {
    const s = splitTarget(v);
    return s.kind !== null && !NAMESPACE.test(s.namespace);
  });

  const start = useMutation({
    mutationFn: (o: Options) =>
      call(dataJobRoutes.startImport, {
        params: { id: job.id },
        body: { mapping, update: o.update, source: o.source.trim(), tagGroup: o.tagGroup.trim() },
      }),
    onSuccess: async (j) => {
      await invalidate();
      onStarted(j);
    },
    onError: (e) => showError(e, form),
  });
  const mappedCount = Object.values(mapping).filter(Boolean).length;

  return (
    <div>
      <Typography.Paragraph>
        {job.total === null
          ? t('imports.mapping.helpNoCount', { file: job.fileName ?? '' })
          : t('imports.mapping.help', { file: job.fileName ?? '', rows: job.total })}
      </Typography.Paragraph>
      <Table<Row>
        rowKey="column"
        size="small"
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: t('imports.mapping.column'),
            dataIndex: 'column',
            render: (c: string) => <Typography.Text strong>{c}</Typography.Text>,
          },
          {
            title: t('imports.mapping.sample'),
            dataIndex: 'samples',
            render: (s: string[]) => <Typography.Text type="secondary">{s.join(' / ')}</Typography.Text>,
          },
          {
            title: t('imports.mapping.target'),
            key: 'target',
            render: (_, r) => {
              const target = splitTarget(mapping[r.column]);
              const setNamespace = (ns: string) =>
                setMapping((m) => ({ ...m, [r.column]: ns.trim() ? `${target.base}:${ns.trim()}` : target.base }));
              return (
                <Space wrap>
                  <Select
                    aria-label={t('imports.mapping.targetOf', { column: r.column })}
                    value={target.base ?? SKIP}
                    onChange={(v: string) => setMapping((m) => ({ ...m, [r.column]: v === SKIP ? null : v }))}
                    options={[...targets, ...extra].map((g) =>
                      'options' in g && g.options
                        ? {
                            ...g,
                            options: g.options.map((o) => ({
                              ...o,
                              disabled: o.value !== mapping[r.column] && used.has(o.value) && o.value !== 'tags',
                            })),
                          }
                        : g,
                    )}
                    showSearch={{ optionFilterProp: 'label' }}
                    style={{ width: 240 }}
                  />
                  {target.kind && (
                    <Input
                      aria-label={t('imports.mapping.namespaceOf', { column: r.column })}
                      placeholder={t(`imports.mapping.namespaces.${target.kind}`)}
                      value={target.namespace}
                      onChange={(e) => setNamespace(e.target.value)}
                      status={NAMESPACE.test(target.namespace) ? undefined : 'error'}
                      maxLength={80}
                      style={{ width: 200 }}
                    />
                  )}
                </Space>
              );
            },
          },
        ]}
      />
      <Form<Options>
        name="import-options"
        form={form}
        layout="vertical"
        style={{ marginTop: 16, maxWidth: 560 }}
        initialValues={{ update: 'fill', source: 'import', tagGroup: '导入标签' }}
        onFinish={(o) => start.mutate(o)}
      >
        <Form.Item name="update" label={t('imports.mapping.update')}>
          <Radio.Group
            options={[
              { value: 'fill', label: t('imports.mapping.updateFill') },
              { value: 'overwrite', label: t('imports.mapping.updateOverwrite') },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="source"
          label={t('imports.mapping.source')}
          extra={t('imports.mapping.sourceHelp')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="tagGroup"
          label={t('imports.mapping.tagGroup')}
          extra={t('imports.mapping.tagGroupHelp')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input maxLength={100} />
        </Form.Item>
        <Space>
          <Button
            type="primary"
            htmlType="submit"
            loading={start.isPending}
            disabled={mappedCount === 0 || missingNamespace}
          >
            {t('imports.mapping.start')}
          </Button>
          <Button onClick={onCancel}>{t('common.cancel')}</Button>
          {mappedCount === 0 && <Typography.Text type="warning">{t('imports.mapping.noneMapped')}</Typography.Text>}
          {missingNamespace && (
            <Typography.Text type="warning">{t('imports.mapping.namespaceMissing')}</Typography.Text>
          )}
        </Space>
      </Form>
    </div>
  );
}
