import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LIVE_CODE_LIMITS } from '@siyu/contracts';
import { Button, Checkbox, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { WORKDAYS } from './form-model';

const DAYS = [1, 2, 3, 4, 5, 6, 7];
const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;

/** Working-hour slots: weekdays and a start and end time each (tenant time zone). */
export function ScheduleEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const time = { pattern: HHMM, message: t('liveCodes.form.badTime') };
  return (
    <Form.List name="slots">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.map((f) => (
            <Space key={f.key} align="start" wrap>
              <Form.Item
                name={[f.name, 'weekdays']}
                rules={[{ type: 'array', min: 1, message: t('liveCodes.form.pickDay') }]}
                style={{ marginBottom: 8 }}
              >
                <Checkbox.Group options={DAYS.map((d) => ({ value: d, label: t(`liveCodes.weekday.${d}`) }))} />
              </Form.Item>
              <Form.Item
                name={[f.name, 'start']}
                rules={[{ required: true, message: t('validation.required') }, time]}
                style={{ marginBottom: 8 }}
              >
                <Input type="time" style={{ width: 120 }} aria-label={t('liveCodes.form.start')} />
              </Form.Item>
              <span style={{ lineHeight: '32px' }}>–</span>
              <Form.Item
                name={[f.name, 'end']}
                dependencies={[['slots', f.name, 'start']]}
                rules={[
                  { required: true, message: t('validation.required') },
                  time,
                  {
                    validator: async (_, end: string | undefined) => {
                      const start = form.getFieldValue(['slots', f.name, 'start']) as string | undefined;
                      if (start && end && end <= start) throw new Error(t('liveCodes.form.endAfterStart'));
                    },
                  },
                ]}
                style={{ marginBottom: 8 }}
              >
                <Input type="time" style={{ width: 120 }} aria-label={t('liveCodes.form.end')} />
              </Form.Item>
              {fields.length > 1 && (
                <Button
                  type="text"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  onClick={() => remove(f.name)}
                />
              )}
            </Space>
          ))}
          {fields.length < LIVE_CODE_LIMITS.slotsMax && (
            <Button icon={<PlusOutlined />} onClick={() => add({ weekdays: WORKDAYS, start: '09:00', end: '18:00' })}>
              {t('liveCodes.form.addSlot')}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
