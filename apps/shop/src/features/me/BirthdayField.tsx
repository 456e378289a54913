import { DatePicker } from 'antd-mobile';
import { forwardRef, useImperativeHandle, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { toIsoDate } from '../../app/dates';

type Props = { value?: Date | null; onChange?: (value: Date | null) => void };
export type BirthdayFieldRef = { open: () => void };

const EARLIEST = new Date(1900, 0, 1);
/** Where the wheels start when no birthday is set yet (today would be an odd first guess). */
const FIRST_GUESS = new Date(1995, 0, 1);

/**
 * The birthday as YYYY-MM-DD with a date wheel; Form.Item opens it through the ref on click
 * (antd-mobile hands its `widgetRef` only to forwardRef components, not to plain functions).
 */
export const BirthdayField = forwardRef<BirthdayFieldRef, Props>(function BirthdayField({ value, onChange }, ref) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(false);
  useImperativeHandle(ref, () => ({ open: () => setVisible(true) }), []);
  return (
    <>
      {value ? (
        <span data-testid="birthday-value">{toIsoDate(value)}</span>
      ) : (
        <span className="shop-muted">{t('profile.birthdayPlaceholder')}</span>
      )}
      <DatePicker
        visible={visible}
        onClose={() => setVisible(false)}
        value={value ?? undefined}
        defaultValue={FIRST_GUESS}
        min={EARLIEST}
        max={new Date()}
        precision="day"
        title={t('profile.birthday')}
        onConfirm={(date) => onChange?.(date)}
      />
    </>
  );
});
