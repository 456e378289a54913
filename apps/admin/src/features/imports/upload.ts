import { dataJobRoutes, ErrorBody, type ImportJob } from '@siyu/contracts';
import { ApiError } from '../../api/client';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const fileFormat = (name: string): 'csv' | 'xlsx' | null =>
  /\.csv$/i.test(name) ? 'csv' : /\.xlsx$/i.test(name) ? 'xlsx' : null;

/** Sends the file itself as the request body (the API reads CSV or XLSX) and answers the new import. */
export async function uploadImportFile(file: File, csrfToken: string): Promise<ImportJob> {
  const format = fileFormat(file.name);
  const url = `/api${dataJobRoutes.uploadImport.path}?fileName=${encodeURIComponent(file.name)}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': format === 'xlsx' ? XLSX : 'text/csv',
        'x-csrf-token': csrfToken,
      },
      body: file,
    });
  } catch (e) {
    throw new ApiError(0, 'NETWORK_ERROR', e instanceof Error ? e.message : 'Network error');
  }
  const text = await res.text();
  let data: unknown = text;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON: keep the text for the message
  }
  if (!res.ok) {
    const body = ErrorBody.safeParse(data);
    if (body.success)
      throw new ApiError(res.status, body.data.error.code, body.data.error.message, body.data.error.details);
    throw new ApiError(res.status, `HTTP_${res.status}`, res.statusText || `HTTP ${res.status}`);
  }
  return data as ImportJob;
}
