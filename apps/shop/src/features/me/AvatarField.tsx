import { Avatar, Button } from 'antd-mobile';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { avatarFromFile } from './avatar-image';

type Props = { value?: string | null; onChange?: (value: string | null) => void };

/** The avatar with a preview: picks an image and turns it into a data URL of at most 300 KB. */
export function AvatarField({ value, onChange }: Props) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<string | null>(null);

  const picked = async (file: File | undefined) => {
    if (!file) return;
    const result = await avatarFromFile(file);
    if (result.ok) {
      setError(null);
      onChange?.(result.dataUrl);
    } else {
      setError(t(result.reason === 'too_large' ? 'profile.avatarTooLarge' : 'profile.avatarBadType'));
    }
    if (input.current) input.current.value = ''; // picking the same file again still fires change
  };

  return (
    <div>
      <div className="avatar-field">
        <Avatar src={value ?? ''} style={{ '--size': '56px', '--border-radius': '50%' }} data-testid="avatar-preview" />
        <Button size="small" shape="rounded" onClick={() => input.current?.click()}>
          {t('profile.changeAvatar')}
        </Button>
        <input
          ref={input}
          type="file"
          name="avatar"
          accept="image/png,image/jpeg,image/webp"
          data-testid="avatar-input"
          onChange={(e) => void picked(e.target.files?.[0])}
        />
      </div>
      {error && (
        <div className="shop-error" role="alert" style={{ padding: '8px 0 0' }}>
          {error}
        </div>
      )}
    </div>
  );
}
