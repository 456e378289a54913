import { CATALOG_LIMITS, type CatalogImage, catalogCategoryRoutes, ErrorBody } from '@siyu/contracts';
import { ApiError } from '../../api/client';

export const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'image/gif'];
export const IMAGE_ACCEPT = IMAGE_TYPES.join(',');
export const IMAGE_MB = CATALOG_LIMITS.imageBytes / 1024 / 1024;

/** Sends the image itself as the request body (the API recognises the type by its bytes). */
export async function uploadCatalogImage(file: File, csrfToken: string): Promise<CatalogImage> {
  const url = `/api${catalogCategoryRoutes.uploadImage.path}?fileName=${encodeURIComponent(file.name.slice(0, 200))}`;
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {
        accept: 'application/json',
        'content-type': file.type || 'application/octet-stream',
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
  return data as CatalogImage;
}
