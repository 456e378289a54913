// Small bits of the login forms kept in sessionStorage, so a shopper who leaves to read the SMS sandbox
// (or reloads) finds the phone number and the resend countdown where they left them.

const PHONE_KEY = 'siyu.shop.login.phone';

const read = (key: string) => {
  try {
    return sessionStorage.getItem(key);
  } catch {
    return null;
  }
};
const write = (key: string, value: string) => {
  try {
    sessionStorage.setItem(key, value);
  } catch {
    // storage unavailable: the draft only lives in the form
  }
};

export const phoneDraft = () => read(PHONE_KEY) ?? '';
export const savePhoneDraft = (phone: unknown) => {
  if (typeof phone === 'string') write(PHONE_KEY, phone);
};

/** When the resend button of a countdown unlocks again, as epoch milliseconds (0 when unknown). */
export const countdownUntil = (key: string) => Number(read(`siyu.shop.sms.${key}`)) || 0;
export const saveCountdownUntil = (key: string, until: number) => write(`siyu.shop.sms.${key}`, String(until));
