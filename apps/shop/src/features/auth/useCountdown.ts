import { useEffect, useState } from 'react';
import { countdownUntil, saveCountdownUntil } from './drafts';

/** A seconds countdown that survives reloads and page changes (kept per `key` in sessionStorage). */
export function useCountdown(key: string) {
  const [until, setUntil] = useState(() => countdownUntil(key));
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (until <= Date.now()) return;
    const id = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= until) clearInterval(id);
    }, 250);
    return () => clearInterval(id);
  }, [until]);

  const start = (seconds: number) => {
    const next = Date.now() + seconds * 1000;
    saveCountdownUntil(key, next);
    setNow(Date.now());
    setUntil(next);
  };
  return { secondsLeft: Math.max(0, Math.ceil((until - now) / 1000)), start };
}
