import { dataJobRoutes } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, Form, Modal, Radio, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { call } from '../../api/client';
import { useShowError } from '../../app/errors';
import type { Filters } from '../customers/customers-api';
import { useInvalidateJobs } from './jobs-api';

type Values = { format: 'csv' | 'xlsx' };

/** Starts an export of every customer matching the list filters; the file is made in the background. */
export function ExportModal({
  open,
  filters,
  count,
  onClose,
}: {
  open: boolean;
  filters: Filters;
  count?: number;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const showError = useShowError();
  const invalidate = useInvalidateJobs();
  const [form] = Form.useForm<Values>();
  const start = useMutation({
    mutationFn: (v: Values) => call(dataJobRoutes.createExport, { body: { filter: filters, format: v.format } }),
    onSuccess: async () => {
      await invalidate();
      onClose();
      void message.success(t('imports.export.started'));
      navigate('/imports?tab=exports');
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={open}
      title={t('imports.export.title')}
      onCancel={onClose}
      destroyOnHidden
      okText={t('imports.export.start')}
      okButtonProps={{ htmlType: 'submit', loading: start.isPending }}
      modalRender={(dom) => (
        <Form
          name="export"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ format: 'xlsx' }}
          onFinish={(v) => start.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Typography.Paragraph>{t('imports.export.help', { count: count ?? 0 })}</Typography.Paragraph>
      <Form.Item name="format" label={t('imports.export.format')}>
        <Radio.Group
          options={[
            { value: 'xlsx', label: 'Excel (.xlsx)' },
            { value: 'csv', label: 'CSV' },
          ]}
        />
      </Form.Item>
    </Modal>
  );
}
