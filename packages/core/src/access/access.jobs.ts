import { deleteExpiredRateLimits, type JobDef } from '../platform';
import { deleteExpiredSessions } from './sessions.repo';

/** Hourly: forget expired sessions and rate-limit windows. */
export const accessJobs: Record<string, JobDef> = {
  'access.cleanup': {
    cron: '17 * * * *',
    async handle({ db, clock }) {
      await deleteExpiredSessions(db, clock.now());
      await deleteExpiredRateLimits(db, clock.now());
    },
  },
};
