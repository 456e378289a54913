import { CreateTaskInput, followUpRoutes, type Task } from '@siyu/contracts';
import { useMutation } from '@tanstack/react-query';
import { App, DatePicker, Form, Input } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import { call } from '../../api/client';
import { useSession } from '../../app/auth';
import { useShowError } from '../../app/errors';
import { FormDrawer } from '../../app/form-drawer';
import { blankToNull, zodRule } from '../../app/validation';
import { CustomerPicker } from '../customers/customer-picker';
import { StaffSelect } from '../customers/staff-select';
import { useInvalidateTasks } from './tasks-api';

type Values = {
  title: string;
  description?: string;
  assigneeId?: string;
  customerId?: string;
  dueAt?: Dayjs | null;
  remindAt?: Dayjs | null;
};
type Props = {
  open: boolean;
  task?: Task;
  /** A new task about this customer (the picker is then hidden). */
  customer?: { id: string; label: string };
  onClose: () => void;
};

const iso = (d: Dayjs | null | undefined) => (d ? d.second(0).millisecond(0).format() : null);

/** Creates a task (for oneself by default), or changes an open one. */
export function TaskDrawer(p: Props) {
  // One form per task: reopening for another task never shows the previous one's values.
  return <TaskDrawerForm key={p.task?.id ?? 'new'} {...p} />;
}

function TaskDrawerForm({ open, task, customer, onClose }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const showError = useShowError();
  const invalidate = useInvalidateTasks();
  const [form] = Form.useForm<Values>();
  const save = useMutation({
    mutationFn: (v: Values) => {
      const common = {
        assigneeId: v.assigneeId ?? session.staff.id,
        title: v.title,
        description: blankToNull(v.description),
        dueAt: iso(v.dueAt),
        remindAt: iso(v.remindAt),
      };
      if (task) return call(followUpRoutes.updateTask, { params: { id: task.id }, body: common });
      return call(followUpRoutes.createTask, {
        body: { ...common, customerId: customer?.id ?? v.customerId, kind: 'follow_up' },
      });
    },
    onSuccess: async () => {
      await invalidate();
      void message.success(t(task ? 'tasks.updated' : 'tasks.created'));
      onClose();
    },
    onError: (e) => showError(e, form),
  });
  const initialValues: Partial<Values> = task
    ? {
        title: task.title,
        description: task.description ?? '',
        assigneeId: task.assigneeId,
        dueAt: task.dueAt ? dayjs(task.dueAt) : null,
        remindAt: task.remindAt ? dayjs(task.remindAt) : null,
      }
    : { assigneeId: session.staff.id, dueAt: dayjs().add(1, 'day').hour(10).minute(0) };
  const shape = CreateTaskInput.shape;

  return (
    <FormDrawer<Values>
      name="task"
      open={open}
      title={t(task ? 'tasks.editTitle' : 'tasks.createTitle')}
      onClose={onClose}
      form={form}
      initialValues={initialValues}
      onFinish={(v) => save.mutate(v)}
      submitting={save.isPending}
    >
      <Form.Item name="title" label={t('tasks.title')} required rules={[zodRule(shape.title, t)]}>
        <Input autoFocus maxLength={200} placeholder={t('tasks.titleHint')} />
      </Form.Item>
      <Form.Item name="description" label={t('tasks.description')}>
        <Input.TextArea maxLength={2000} rows={3} />
      </Form.Item>
      {!task && !customer && (
        <Form.Item name="customerId" label={`${t('tasks.customer')} (${t('common.optional')})`}>
          <CustomerPicker />
        </Form.Item>
      )}
      <Form.Item name="assigneeId" label={t('tasks.assignee')} required rules={[zodRule(shape.assigneeId, t)]}>
        <StaffSelect />
      </Form.Item>
      <Form.Item name="dueAt" label={t('tasks.due')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="remindAt" label={t('tasks.remindAt')} extra={t('tasks.remindHelp')}>
        <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
      </Form.Item>
    </FormDrawer>
  );
}
