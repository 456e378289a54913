import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LIVE_CODE_LIMITS } from '@siyu/contracts';
import { Button, Form, InputNumber, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { StaffSelect } from '../customers/staff-select';
import type { LiveCodeValues } from './form-model';

/** The members of a code: staff member, weight (weighted distribution) and daily cap, one row each. */
export function MembersEditor() {
  const { t } = useTranslation();
  const form = Form.useFormInstance<LiveCodeValues>();
  const weighted = Form.useWatch('distribution', form) === 'weighted';
  const members = Form.useWatch('members', form) ?? [];
  const chosen = members.map((m) => m?.staffId).filter((id): id is string => Boolean(id));
  return (
    <Form.List name="members">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.length > 0 && (
            <Space style={{ width: '100%' }}>
              <Typography.Text type="secondary" style={{ width: 220, display: 'inline-block' }}>
                {t('liveCodes.form.member')}
              </Typography.Text>
              {weighted && (
                <Typography.Text type="secondary" style={{ width: 100, display: 'inline-block' }}>
                  {t('liveCodes.form.weight')}
                </Typography.Text>
              )}
              <Typography.Text type="secondary">{t('liveCodes.form.dailyCap')}</Typography.Text>
            </Space>
          )}
          {fields.map((f, i) => (
            <Space key={f.key} align="start" style={{ width: '100%' }}>
              <Form.Item
                name={[f.name, 'staffId']}
                rules={[{ required: true, message: t('liveCodes.form.pickMember') }]}
                style={{ marginBottom: 8 }}
              >
                <StaffSelect style={{ width: 220 }} exclude={chosen.filter((id) => id !== members[i]?.staffId)} />
              </Form.Item>
              {weighted && (
                <Form.Item name={[f.name, 'weight']} style={{ marginBottom: 8 }}>
                  <InputNumber
                    min={1}
                    max={100}
                    precision={0}
                    style={{ width: 100 }}
                    aria-label={t('liveCodes.form.weight')}
                  />
                </Form.Item>
              )}
              <Form.Item name={[f.name, 'dailyCap']} style={{ marginBottom: 8 }}>
                <InputNumber
                  min={1}
                  max={100_000}
                  precision={0}
                  placeholder={t('liveCodes.form.noCap')}
                  style={{ width: 140 }}
                  aria-label={t('liveCodes.form.dailyCap')}
                />
              </Form.Item>
              <Button
                type="text"
                danger
                icon={<DeleteOutlined />}
                aria-label={t('common.delete')}
                onClick={() => remove(f.name)}
              />
            </Space>
          ))}
          {fields.length < LIVE_CODE_LIMITS.membersMax && (
            <Button icon={<PlusOutlined />} onClick={() => add({ weight: 1 })}>
              {t('liveCodes.form.addMember')}
            </Button>
          )}
        </Space>
      )}
    </Form.List>
  );
}
