import { InboxOutlined } from '@ant-design/icons';
import type { ImportJob } from '@siyu/contracts';
import { App, Typography, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { fileFormat, uploadImportFile } from './upload';

const MAX_BYTES = 50 * 1024 * 1024;

/** Step 1: drop or choose a CSV/XLSX file; the API answers its columns and a suggested mapping. */
export function UploadStep({ onUploaded }: { onUploaded: (job: ImportJob) => void }) {
  const { t } = useTranslation();
  const session = useSession();
  const showError = useShowError();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <div>
      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        multiple={false}
        showUploadList={false}
        disabled={busy}
        aria-label={t('imports.upload.label')}
        beforeUpload={(file) => {
          if (!fileFormat(file.name)) {
            void message.error(t('imports.upload.badType'));
            return Upload.LIST_IGNORE;
          }
          if (file.size > MAX_BYTES) {
            void message.error(t('imports.upload.tooLarge'));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={async ({ file, onSuccess, onError }) => {
          setBusy(true);
          try {
            const job = await uploadImportFile(file as File, session.csrfToken);
            onSuccess?.(job);
            onUploaded(job);
          } catch (e) {
            onError?.(e as Error);
            showError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <p className="ant-upload-drag-icon">
          <InboxOutlined />
        </p>
        <p className="ant-upload-text">{busy ? t('imports.upload.uploading') : t('imports.upload.drop')}</p>
        <p className="ant-upload-hint">{t('imports.upload.hint')}</p>
      </Upload.Dragger>
      <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
        {t('imports.upload.dedupe')}
      </Typography.Paragraph>
    </div>
  );
}
