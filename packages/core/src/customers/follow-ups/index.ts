/** customers/follow-ups: notes, follow-up records, tasks and reminders, lead hand-off, the workbench. */
import type { Registry } from '../../platform';
import { followUpsJobs } from './follow-ups.jobs';

export { TASK_REMINDERS_JOB } from './follow-ups.jobs';
export { listFollowUps, recordFollowUp } from './follow-ups.service';
export { handOffLead } from './hand-off.service';
export { getWorkbench, listMyTasks } from './my-work.service';
export { createNote, deleteNote, listNotes, updateNote } from './notes.service';
export { cancelTask, completeTask, createTask, getTask, listTasks, updateTask } from './tasks.service';

/** Jobs and subscribers of this aggregate: the minutely task reminders. */
export const followUpsRegistry: Partial<Registry> = { jobs: followUpsJobs };
