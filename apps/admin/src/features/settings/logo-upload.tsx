import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Space, Upload } from 'antd';
import { useTranslation } from 'react-i18next';

const MAX_BYTES = 300 * 1024;
const TYPES = ['image/png', 'image/jpeg', 'image/webp', 'image/svg+xml'];

type Props = { id?: string; value?: string | null; onChange?: (v: string | null) => void; disabled?: boolean };

const readAsDataUrl = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Reads the chosen image into a base64 data URL (no upload server needed); shows a preview. */
export function LogoUpload({ id, value, onChange, disabled }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();

  const pick = async (file: File) => {
    if (!TYPES.includes(file.type)) {
      void message.error(t('settings.logoBadType'));
    } else if (file.size > MAX_BYTES) {
      void message.error(t('settings.logoTooLarge'));
    } else {
      onChange?.(await readAsDataUrl(file));
    }
    return Upload.LIST_IGNORE;
  };

  return (
    <Space align="center" size={16}>
      <div
        style={{
          width: 72,
          height: 72,
          border: '1px dashed #d9d9d9',
          borderRadius: 8,
          display: 'grid',
          placeItems: 'center',
          overflow: 'hidden',
          background: '#fafafa',
        }}
      >
        {value && <img src={value} alt={t('settings.logo')} style={{ maxWidth: '100%', maxHeight: '100%' }} />}
      </div>
      <Space orientation="vertical" size={4}>
        <Upload accept={TYPES.join(',')} showUploadList={false} beforeUpload={pick} disabled={disabled}>
          <Button id={id} icon={<UploadOutlined />} disabled={disabled}>
            {t('settings.upload')}
          </Button>
        </Upload>
        {value && !disabled && (
          <Button
            type="link"
            size="small"
            danger
            icon={<DeleteOutlined />}
            onClick={() => onChange?.(null)}
            style={{ padding: 0 }}
          >
            {t('settings.removeLogo')}
          </Button>
        )}
      </Space>
    </Space>
  );
}
