import { ProfileInput } from '@siyu/contracts';

const ALLOWED = ['image/png', 'image/jpeg', 'image/webp'];
const MAX_SIDE = 512;
const KEEP_AS_IS_BYTES = 100 * 1024;

export type AvatarResult = { ok: true; dataUrl: string } | { ok: false; reason: 'bad_type' | 'too_large' };

const readAsDataUrl = (file: Blob) =>
  new Promise<string>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** Scales a photo down to at most 512 px on its longer side, as a JPEG data URL on white. */
async function downscale(file: File): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, MAX_SIDE / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(bitmap.width * scale));
  canvas.height = Math.max(1, Math.round(bitmap.height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d canvas');
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  bitmap.close();
  return canvas.toDataURL('image/jpeg', 0.85);
}

/**
 * Turns a picked file into the avatar data URL the API accepts (png/jpeg/webp, at most 300 KB):
 * small images are kept as they are, larger photos are scaled down first.
 */
export async function avatarFromFile(file: File): Promise<AvatarResult> {
  if (!ALLOWED.includes(file.type)) return { ok: false, reason: 'bad_type' };
  let dataUrl: string;
  try {
    dataUrl = file.size <= KEEP_AS_IS_BYTES ? await readAsDataUrl(file) : await downscale(file);
  } catch {
    return { ok: false, reason: 'bad_type' };
  }
  return ProfileInput.shape.avatarUrl.safeParse(dataUrl).success
    ? { ok: true, dataUrl }
    : { ok: false, reason: 'too_large' };
}
