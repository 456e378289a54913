import { Button, Drawer, Form, type FormInstance, Space } from 'antd';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

type Props<V> = {
  /** Form name: prefixes the field ids (`staff_email`), so they are unique on the page. */
  name: string;
  open: boolean;
  title: ReactNode;
  onClose: () => void;
  form: FormInstance<V>;
  onFinish: (values: V) => void;
  initialValues?: Partial<V>;
  submitting?: boolean;
  readOnly?: boolean;
  size?: number;
  children: ReactNode;
};

/**
 * A drawer holding one form. The buttons sit inside the <form>, so Enter in a field submits;
 * the form is reset each time the drawer opens, so `initialValues` always apply.
 */
export function FormDrawer<V>(p: Props<V>) {
  const { t } = useTranslation();
  const { open, form } = p;
  // Reopened (or switched to another record) before the close animation ended, the old form is
  // still mounted: start it afresh from the current record's values.
  const initialKey = JSON.stringify(p.initialValues ?? null);
  useEffect(() => {
    if (open) form.resetFields();
  }, [open, form, initialKey]);
  return (
    <Drawer open={p.open} title={p.title} onClose={p.onClose} size={p.size ?? 520} destroyOnHidden>
      <Form<V>
        name={p.name}
        form={p.form}
        layout="vertical"
        onFinish={p.onFinish}
        initialValues={p.initialValues}
        disabled={p.readOnly}
        scrollToFirstError
      >
        {p.children}
        <Form.Item style={{ marginTop: 24, marginBottom: 0 }}>
          <Space>
            {!p.readOnly && (
              <Button type="primary" htmlType="submit" loading={p.submitting}>
                {t('common.save')}
              </Button>
            )}
            <Button onClick={p.onClose} disabled={false}>
              {p.readOnly ? t('common.close') : t('common.cancel')}
            </Button>
          </Space>
        </Form.Item>
      </Form>
    </Drawer>
  );
}
