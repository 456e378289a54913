import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { LIVE_CODE_LIMITS, type WelcomeAttachment } from '@siyu/contracts';
import { Button, Card, Form, Input, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { TemplateInput } from './template-input';

const TYPES: WelcomeAttachment['type'][] = ['image', 'link', 'miniprogram'];
const httpUrl = { pattern: /^https?:\/\/\S+$/, message: '' };

/** The fields of one attachment, by its type. */
function AttachmentFields({ name, type }: { name: number; type: WelcomeAttachment['type'] }) {
  const { t } = useTranslation();
  const url = { ...httpUrl, message: t('liveCodes.welcome.badUrl') };
  const required = { required: true, message: t('validation.required') };
  if (type === 'image')
    return (
      <Form.Item name={[name, 'url']} label={t('liveCodes.welcome.imageUrl')} rules={[required, url]}>
        <Input placeholder="https://" />
      </Form.Item>
    );
  if (type === 'link')
    return (
      <>
        <Form.Item name={[name, 'title']} label={t('liveCodes.welcome.title')} rules={[required]}>
          <Input maxLength={128} />
        </Form.Item>
        <Form.Item name={[name, 'url']} label={t('liveCodes.welcome.linkUrl')} rules={[required, url]}>
          <Input placeholder="https://" />
        </Form.Item>
        <Form.Item name={[name, 'desc']} label={t('liveCodes.welcome.desc')}>
          <Input maxLength={512} />
        </Form.Item>
        <Form.Item name={[name, 'picUrl']} label={t('liveCodes.welcome.picUrl')} rules={[url]}>
          <Input placeholder="https://" />
        </Form.Item>
      </>
    );
  return (
    <>
      <Form.Item name={[name, 'title']} label={t('liveCodes.welcome.title')} rules={[required]}>
        <Input maxLength={64} />
      </Form.Item>
      <Form.Item
        name={[name, 'appid']}
        label="AppID"
        rules={[required, { pattern: /^wx[0-9a-zA-Z]{14,18}$/, message: t('liveCodes.welcome.badAppId') }]}
      >
        <Input placeholder="wx…" />
      </Form.Item>
      <Form.Item name={[name, 'page']} label={t('liveCodes.welcome.page')} rules={[required]}>
        <Input placeholder="pages/index/index" />
      </Form.Item>
      <Form.Item name={[name, 'picUrl']} label={t('liveCodes.welcome.picUrl')} rules={[required, url]}>
        <Input placeholder="https://" />
      </Form.Item>
    </>
  );
}

/**
 * A welcome message inside a form: text with variables (field `textName`) and up to 9 attachments
 * (field `attachmentsName`) — images, links, mini programs.
 */
export function WelcomeEditor({ textName, attachmentsName }: { textName: string; attachmentsName: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const max = LIVE_CODE_LIMITS.welcomeAttachmentsMax;
  return (
    <>
      <Form.Item
        name={textName}
        label={t('liveCodes.welcome.text')}
        extra={t('liveCodes.welcome.textHint')}
        rules={[
          {
            validator: async (_, v: string | undefined) => {
              const n = (form.getFieldValue(attachmentsName) as unknown[] | undefined)?.length ?? 0;
              if (!v?.trim() && n === 0) throw new Error(t('liveCodes.welcome.needSomething'));
            },
          },
        ]}
      >
        <TemplateInput multiline maxLength={LIVE_CODE_LIMITS.welcomeTextMaxChars} />
      </Form.Item>
      <Form.List name={attachmentsName}>
        {(fields, { add, remove }) => (
          <Space direction="vertical" style={{ width: '100%', marginBottom: 24 }}>
            <Typography.Text>{t('liveCodes.welcome.attachments', { count: fields.length, max })}</Typography.Text>
            {fields.map((f, i) => {
              const type = form.getFieldValue([attachmentsName, f.name, 'type']) as WelcomeAttachment['type'];
              return (
                <Card
                  key={f.key}
                  size="small"
                  title={`${i + 1}. ${t(`liveCodes.welcome.type.${type}`)}`}
                  extra={
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('common.delete')}
                      onClick={() => remove(f.name)}
                    />
                  }
                >
                  <Form.Item name={[f.name, 'type']} hidden>
                    <Input />
                  </Form.Item>
                  <AttachmentFields name={f.name} type={type} />
                </Card>
              );
            })}
            {fields.length < max && (
              <Select<WelcomeAttachment['type']>
                value={null}
                placeholder={
                  <span>
                    <PlusOutlined /> {t('liveCodes.welcome.add')}
                  </span>
                }
                style={{ width: 200 }}
                aria-label={t('liveCodes.welcome.add')}
                options={TYPES.map((v) => ({ value: v, label: t(`liveCodes.welcome.type.${v}`) }))}
                onChange={(v) => add({ type: v })}
              />
            )}
          </Space>
        )}
      </Form.List>
    </>
  );
}
