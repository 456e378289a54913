import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { CATALOG_LIMITS } from '@siyu/contracts';
import { App, Button, Space, Upload } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { ProductThumb } from './product-columns';
import { IMAGE_ACCEPT, IMAGE_MB, IMAGE_TYPES, uploadCatalogImage } from './upload-image';

type Props = { value?: string | null; onChange?: (id: string | null) => void; initialUrl?: string | null };

/** One optional image (a category icon): upload to replace, or remove. */
export function IconField({ value, onChange, initialUrl }: Props) {
  const { t } = useTranslation();
  const session = useSession();
  const { message } = App.useApp();
  const showError = useShowError();
  const [url, setUrl] = useState(initialUrl ?? null);
  const [busy, setBusy] = useState(false);
  return (
    <Space>
      <ProductThumb url={value ? url : null} size={56} />
      <Upload
        accept={IMAGE_ACCEPT}
        showUploadList={false}
        beforeUpload={(file) => {
          if (!IMAGE_TYPES.includes(file.type)) {
            void message.error(t('catalog.editor.imageBadType', { name: file.name }));
            return Upload.LIST_IGNORE;
          }
          if (file.size > CATALOG_LIMITS.imageBytes) {
            void message.error(t('catalog.editor.imageTooLarge', { name: file.name, mb: IMAGE_MB }));
            return Upload.LIST_IGNORE;
          }
          return true;
        }}
        customRequest={async ({ file, onSuccess, onError }) => {
          setBusy(true);
          try {
            const img = await uploadCatalogImage(file as File, session.csrfToken);
            setUrl(img.url);
            onChange?.(img.id);
            onSuccess?.(img);
          } catch (e) {
            onError?.(e as Error);
            showError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        <Button icon={<UploadOutlined />} loading={busy}>
          {t('catalog.categories.iconUpload')}
        </Button>
      </Upload>
      {value && (
        <Button icon={<DeleteOutlined />} danger type="text" onClick={() => onChange?.(null)}>
          {t('catalog.categories.iconRemove')}
        </Button>
      )}
    </Space>
  );
}
