/**
 * 群活码 group live codes: a WeCom join way (groupchat/add_join_way) fronting up to five groups,
 * moving to the next when one reaches the cap. docs/wecom.md "客户群与群活码".
 */
import type { Ctx } from '../../platform';

/**
 * A group code's name and QR image URL, for attaching to welcome messages ("also pull into group");
 * null when the code does not exist in this tenant or has no QR yet.
 */
export async function groupCodeForWelcome(_ctx: Ctx, _id: string): Promise<{ name: string; qrCodeUrl: string } | null> {
  // First version: the group-code tables do not exist yet; replaced by the real lookup.
  return null;
}
