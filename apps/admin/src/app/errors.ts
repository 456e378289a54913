import { App, type FormInstance } from 'antd';
import type { TFunction } from 'i18next';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/client';
import { fieldIssues } from '../api/field-issues';
import { i18n } from '../i18n';
import { issueText } from './validation';

/** A failure as a sentence for the user: translated for well-known codes, else the API's own message. */
export function errorText(err: unknown, t: TFunction): string {
  if (isApiError(err)) {
    const details = err.details && typeof err.details === 'object' && !Array.isArray(err.details) ? err.details : {};
    if (i18n.exists(`errors.${err.code}`)) return t(`errors.${err.code}`, { ...details, message: err.message });
    if (err.status >= 500) return t('errors.INTERNAL');
    return err.message;
  }
  return t('errors.generic', { message: err instanceof Error ? err.message : String(err) });
}

const key = (path: (string | number)[]) => JSON.stringify(path);

/** Per-field texts of an error: 400 issues, or a conflict naming its field (`details.field`). */
function fieldTexts(err: unknown, t: TFunction): { path: (string | number)[]; text: string }[] {
  if (!isApiError(err)) return [];
  if (err.status === 400) return fieldIssues(err).map((i) => ({ path: i.path, text: issueText(i, t) }));
  const field = (err.details as { field?: unknown } | undefined)?.field;
  return typeof field === 'string' ? [{ path: [field], text: errorText(err, t) }] : [];
}

/**
 * Returns `showError(err, form?)`: field issues of a 400 answer (or a conflict naming its field)
 * go onto the matching form fields; whatever cannot be placed on a field is shown as a message.
 */
export function useShowError() {
  const { message } = App.useApp();
  const { t } = useTranslation();
  return useCallback(
    (err: unknown, form?: FormInstance) => {
      const texts = form ? fieldTexts(err, t) : [];
      if (form && texts.length > 0) {
        const registered = new Set(form.getFieldsError().map((f) => key(f.name as (string | number)[])));
        const byField = new Map<string, { name: (string | number)[]; errors: string[] }>();
        let unplaced = false;
        for (const { path, text } of texts) {
          let name = path;
          while (name.length > 0 && !registered.has(key(name))) name = name.slice(0, -1);
          if (name.length === 0) {
            unplaced = true;
            continue;
          }
          const entry = byField.get(key(name)) ?? { name, errors: [] };
          entry.errors.push(text);
          byField.set(key(name), entry);
        }
        form.setFields([...byField.values()]);
        if (!unplaced) return;
      }
      void message.error(errorText(err, t));
    },
    [message, t],
  );
}
