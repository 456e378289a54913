import type { Customer } from '@siyu/contracts';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { customerName } from '../format';
import { CustomerTasksTab } from './customer-tasks-tab';
import { FollowUpsTab } from './follow-ups-tab';
import { NotesTab } from './notes-tab';

/** Tabs fed by the follow-up area: follow-up records, notes, tasks. */
export function profileExtraTabs(c: Customer, t: TFunction): { key: string; label: string; children: ReactNode }[] {
  return [
    { key: 'follow-ups', label: t('followUps.title'), children: <FollowUpsTab customerId={c.id} /> },
    { key: 'notes', label: t('followUps.notes.title'), children: <NotesTab customerId={c.id} /> },
    {
      key: 'tasks',
      label: t('tasks.customerTab'),
      children: <CustomerTasksTab customer={{ id: c.id, label: customerName(c, t) }} />,
    },
  ];
}
