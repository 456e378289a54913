/**
 * What the shopper chose on the checkout page (delivery, address, store, remark), kept in
 * sessionStorage so choosing an address on another page, or a reload, does not lose it. The client key
 * of a submit is kept too: retrying the same order (after a network failure, or a reload) sends the same
 * key, so the API returns the order already placed instead of placing a second one.
 */
export type CheckoutDraft = {
  delivery: 'express' | 'pickup';
  addressId?: string;
  storeId?: string;
  remark?: string;
  /** The key of the last submit that did not get an answer, and what it submitted. */
  pending?: { clientKey: string; signature: string };
};

const keyOf = (slug: string) => `siyu.shop.checkout.${slug}`;

export function readDraft(slug: string): CheckoutDraft {
  try {
    const raw = sessionStorage.getItem(keyOf(slug));
    const parsed = raw ? (JSON.parse(raw) as Partial<CheckoutDraft>) : {};
    return { ...parsed, delivery: parsed.delivery === 'pickup' ? 'pickup' : 'express' };
  } catch {
    return { delivery: 'express' };
  }
}

export function writeDraft(slug: string, patch: Partial<CheckoutDraft>): CheckoutDraft {
  const next = { ...readDraft(slug), ...patch };
  try {
    sessionStorage.setItem(keyOf(slug), JSON.stringify(next));
  } catch {
    // private mode: the choice lasts for this page only
  }
  return next;
}

/** After an order is placed: the next checkout starts afresh (the address choice stays). */
export const clearPending = (slug: string) => writeDraft(slug, { pending: undefined, remark: undefined });

/** An address picked on the address book for the checkout. */
export const chooseAddress = (slug: string, addressId: string) => writeDraft(slug, { addressId, delivery: 'express' });

/** 8–64 letters, digits, _ or - (the contract's ClientKey). */
export function newClientKey(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return `ck_${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
