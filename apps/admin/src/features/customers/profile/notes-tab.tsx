import { followUpRoutes, type Note, NoteInput } from '@siyu/contracts';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, List, Modal, Popconfirm, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../api/client';
import { useAuth, useSession } from '../../../app/auth';
import { useShowError } from '../../../app/errors';
import { LoadMore } from '../../../app/load-more';
import { formatTime } from '../../../app/time';
import { zodRule } from '../../../app/validation';

const key = (id: string) => ['customers', 'notes', id] as const;

/** Free-text notes on the customer; authors (or staff.write) can change and delete theirs. */
export function NotesTab({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const { can } = useAuth();
  const session = useSession();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const showError = useShowError();
  const [form] = Form.useForm<{ body: string }>();
  const [editing, setEditing] = useState<Note | null>(null);
  const q = useInfiniteQuery({
    queryKey: key(customerId),
    queryFn: ({ pageParam }) =>
      call(followUpRoutes.listNotes, { params: { id: customerId }, query: { cursor: pageParam, limit: 20 } }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['customers'], predicate: (x) => x.queryKey[1] !== 'one' });
  const add = useMutation({
    mutationFn: (v: { body: string }) => call(followUpRoutes.createNote, { params: { id: customerId }, body: v }),
    onSuccess: async () => {
      form.resetFields();
      await refresh();
    },
    onError: (e) => showError(e, form),
  });
  const remove = useMutation({
    mutationFn: (n: Note) => call(followUpRoutes.deleteNote, { params: { id: customerId, noteId: n.id } }),
    onSuccess: async () => {
      await refresh();
      void message.success(t('common.deleted'));
    },
    onError: (e) => showError(e),
  });
  const notes = q.data?.pages.flatMap((p) => p.items) ?? [];
  const mayChange = (n: Note) => can('customers.write') && (n.authorId === session.staff.id || can('staff.write'));

  return (
    <div>
      {can('customers.write') && (
        <Form name="note" form={form} layout="vertical" onFinish={(v) => add.mutate(v)}>
          <Form.Item name="body" label={t('followUps.notes.new')} rules={[zodRule(NoteInput.shape.body, t)]}>
            <Input.TextArea
              rows={3}
              maxLength={5000}
              placeholder={t('followUps.notes.placeholder')}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) form.submit();
              }}
            />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={add.isPending}>
            {t('followUps.notes.add')}
          </Button>
        </Form>
      )}
      <List
        style={{ marginTop: 16 }}
        loading={q.isPending}
        dataSource={notes}
        locale={{ emptyText: <Empty description={t('followUps.notes.empty')} /> }}
        renderItem={(n) => (
          <List.Item
            actions={
              mayChange(n)
                ? [
                    <Button key="e" type="link" size="small" onClick={() => setEditing(n)}>
                      {t('common.edit')}
                    </Button>,
                    <Popconfirm
                      key="d"
                      title={t('followUps.notes.deleteConfirm')}
                      okText={t('common.delete')}
                      okButtonProps={{ danger: true }}
                      cancelText={t('common.cancel')}
                      onConfirm={() => remove.mutateAsync(n).catch(() => undefined)}
                    >
                      <Button type="link" size="small" danger>
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>,
                  ]
                : []
            }
          >
            <List.Item.Meta
              title={
                <Space>
                  <Typography.Text>{n.authorName ?? '—'}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTime(n.createdAt, session.settings.timeZone, 'YYYY-MM-DD HH:mm')}
                  </Typography.Text>
                </Space>
              }
              description={<div style={{ whiteSpace: 'pre-wrap', color: '#262626' }}>{n.body}</div>}
            />
          </List.Item>
        )}
      />
      <LoadMore
        hasMore={!!q.hasNextPage}
        loading={q.isFetchingNextPage}
        shown={notes.length}
        onLoad={() => void q.fetchNextPage()}
      />
      <EditNoteModal customerId={customerId} note={editing} onClose={() => setEditing(null)} onSaved={refresh} />
    </div>
  );
}

function EditNoteModal(p: {
  customerId: string;
  note: Note | null;
  onClose: () => void;
  onSaved: () => Promise<unknown>;
}) {
  const { t } = useTranslation();
  const showError = useShowError();
  const [form] = Form.useForm<{ body: string }>();
  const save = useMutation({
    mutationFn: (v: { body: string }) =>
      call(followUpRoutes.updateNote, { params: { id: p.customerId, noteId: p.note?.id ?? '' }, body: v }),
    onSuccess: async () => {
      await p.onSaved();
      p.onClose();
    },
    onError: (e) => showError(e, form),
  });
  return (
    <Modal
      open={!!p.note}
      title={t('followUps.notes.edit')}
      onCancel={p.onClose}
      destroyOnHidden
      okText={t('common.save')}
      okButtonProps={{ htmlType: 'submit', loading: save.isPending }}
      modalRender={(dom) => (
        <Form
          name="edit-note"
          form={form}
          layout="vertical"
          clearOnDestroy
          initialValues={{ body: p.note?.body }}
          onFinish={(v) => save.mutate(v)}
        >
          {dom}
        </Form>
      )}
    >
      <Form.Item name="body" label={t('followUps.notes.body')} rules={[zodRule(NoteInput.shape.body, t)]}>
        <Input.TextArea autoFocus rows={5} maxLength={5000} />
      </Form.Item>
    </Modal>
  );
}
