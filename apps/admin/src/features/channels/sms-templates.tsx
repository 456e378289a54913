import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Checkbox, Form, Input, Popconfirm, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';

/** The approved templates: our key, the provider code, the variables and the approved text. */
export function SmsTemplates() {
  const { t } = useTranslation();
  return (
    <Form.List name="templates">
      {(fields, { add, remove }) => (
        <Space direction="vertical" style={{ width: '100%' }}>
          {fields.length === 0 && <Typography.Text type="secondary">{t('channels.sms.noTemplates')}</Typography.Text>}
          <Typography.Text type="secondary">{t('channels.sms.verifyCodeHint')}</Typography.Text>
          {fields.map((field) => (
            <Card
              key={field.key}
              size="small"
              extra={
                <Popconfirm title={t('channels.sms.removeTemplate')} onConfirm={() => remove(field.name)}>
                  <Button type="text" danger icon={<DeleteOutlined />} aria-label={t('channels.sms.removeTemplate')} />
                </Popconfirm>
              }
            >
              <Space wrap align="start">
                <Form.Item name={[field.name, 'key']} label={t('channels.sms.tplKey')} rules={[{ required: true }]}>
                  <Input style={{ width: 160 }} placeholder="order_shipped" />
                </Form.Item>
                <Form.Item name={[field.name, 'name']} label={t('channels.sms.tplName')} rules={[{ required: true }]}>
                  <Input style={{ width: 160 }} />
                </Form.Item>
                <Form.Item name={[field.name, 'code']} label={t('channels.sms.tplCode')} rules={[{ required: true }]}>
                  <Input style={{ width: 160 }} placeholder="SMS_123456789 / 1234567" />
                </Form.Item>
                <Form.Item name={[field.name, 'params']} label={t('channels.sms.tplParams')}>
                  <Select mode="tags" style={{ width: 220 }} open={false} tokenSeparators={[',', ' ']} />
                </Form.Item>
              </Space>
              <Form.Item
                name={[field.name, 'text']}
                label={t('channels.sms.tplText')}
                extra={t('channels.sms.tplTextHint')}
                rules={[{ required: true }]}
              >
                <Input.TextArea autoSize={{ minRows: 2 }} />
              </Form.Item>
              <Form.Item name={[field.name, 'marketing']} valuePropName="checked" style={{ marginBottom: 0 }}>
                <Checkbox>{t('channels.sms.tplMarketing')}</Checkbox>
              </Form.Item>
            </Card>
          ))}
          <Button icon={<PlusOutlined />} onClick={() => add({ params: [], marketing: false })}>
            {t('channels.sms.addTemplate')}
          </Button>
        </Space>
      )}
    </Form.List>
  );
}
