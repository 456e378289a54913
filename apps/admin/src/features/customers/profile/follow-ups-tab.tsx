import { type FollowUp, FollowUpInput, FollowUpMethod, followUpRoutes } from '@siyu/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Checkbox, DatePicker, Empty, Form, Input, List, Select, Space, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAuth, useSession } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { LoadMore } from '../../../app/load-more';
import { formatTime } from '../../../app/time';
import { blankToNull, zodRule } from '../../../app/validation';

type Values = {
  method: FollowUp['method'];
  content: string;
  nextStep?: string;
  withTask?: boolean;
  taskTitle?: string;
  taskDue?: Dayjs | null;
};

/** Follow-up records (how, what was said, what next), optionally creating the next task. */
export function FollowUpsTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const { message } = App.useApp();
  const tz = useSession().settings.timeZone;
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const withTask = Form.useWatch('withTask', form);
  const q = useInfiniteQuery({
    queryKey: ['customers', 'follow-ups', customerId],
    queryFn: ({ pageParam }) =>
      call(followUpRoutes.listFollowUps, { params: { id: customerId }, query: { cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const add = useMutation({
    mutationFn: (v: Values) =>
      call(followUpRoutes.createFollowUp, {
        params: { id: customerId },
        body: {
          method: v.method,
          content: v.content,
          nextStep: blankToNull(v.nextStep),
          nextTask:
            v.withTask && v.taskTitle && v.taskDue
              ? { title: v.taskTitle, dueAt: v.taskDue.second(0).format() }
              : undefined,
        },
      }),
    onSuccess: async (res) => {
      form.resetFields();
      await Promise.all([
        qc.invalidateQueries({ queryKey: ['customers'], predicate: (x) => x.queryKey[1] !== 'one' }),
        qc.invalidateQueries({ queryKey: ['tasks'] }),
      ]);
      void message.success(res.task ? t('followUps.savedWithTask') : t('followUps.saved'));
    },
    onError: (e) => showError(e, form),
  });
  const items = q.data?.pages.flatMap((p) => p.items) ?? [];

  return (
    <div>
      {can('customers.write') && (
        <Form<Values>
          name="follow-up"
          form={form}
          layout="vertical"
          initialValues={{ method: 'wechat', withTask: false }}
          onFinish={(v) => add.mutate(v)}
        >
          <Space align="start" wrap style={{ width: '100%' }}>
            <Form.Item name="method" label={t('followUps.method')}>
              <Select
                style={{ width: 140 }}
                options={FollowUpMethod.options.map((m) => ({ value: m, label: t(`followUps.methods.${m}`) }))}
              />
            </Form.Item>
            <Form.Item
              name="nextStep"
              label={t('followUps.nextStep')}
              rules={[zodRule(FollowUpInput.shape.nextStep, t, { optional: true })]}
            >
              <Input maxLength={500} style={{ width: 320 }} placeholder={t('followUps.nextStepHint')} />
            </Form.Item>
          </Space>
          <Form.Item name="content" label={t('followUps.content')} rules={[zodRule(FollowUpInput.shape.content, t)]}>
            <Input.TextArea rows={3} maxLength={5000} placeholder={t('followUps.contentHint')} />
          </Form.Item>
          <Form.Item name="withTask" valuePropName="checked" style={{ marginBottom: 8 }}>
            <Checkbox>{t('followUps.withTask')}</Checkbox>
          </Form.Item>
          {withTask && (
            <Space align="start" wrap>
              <Form.Item
                name="taskTitle"
                label={t('followUps.taskTitle')}
                rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
              >
                <Input maxLength={200} style={{ width: 280 }} />
              </Form.Item>
              <Form.Item
                name="taskDue"
                label={t('followUps.taskDue')}
                initialValue={dayjs().add(3, 'day').hour(10).minute(0)}
                rules={[{ required: true, message: t('validation.required') }]}
              >
                <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              </Form.Item>
            </Space>
          )}
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('followUps.add')}
          </Button>
        </Form>
      )}
      <List
        style={{ marginTop: 16 }}
        loading={q.isPending}
        dataSource={items}
        locale={{ emptyText: <Empty description={t('followUps.empty')} /> }}
        renderItem={(f) => (
          <List.Item>
            <List.Item.Meta
              title={
                <Space wrap>
                  <Tag color="cyan">{t(`followUps.methods.${f.method}`)}</Tag>
                  <Typography.Text>{f.staffName ?? '—'}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(f.createdAt, tz, 'YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              }
              description={
                <div style={{ color: '#262626' }}>
                  <div style={{ whiteSpace: 'pre-wrap' }}>{f.content}</div>
                  {f.nextStep && (
                    <Typography.Text type="secondary">
                      {t('followUps.nextStep')}：{f.nextStep}
                    </Typography.Text>
                  )}
                </div>
              }
            />
          </List.Item>
        )}
      />
      <LoadMore
        hasMore={!!q.hasNextPage}
        loading={q.isFetchingNextPage}
        shown={items.length}
        onLoad={() => void q.fetchNextPage()}
      />
    </div>
  );
}
