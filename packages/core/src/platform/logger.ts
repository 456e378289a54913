import pino from 'pino';

export type Logger = pino.Logger;

export const createLogger = (level: pino.LevelWithSilent = 'info') =>
  pino({ level, base: undefined, timestamp: pino.stdTimeFunctions.isoTime });
