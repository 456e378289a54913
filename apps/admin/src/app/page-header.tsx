import type { ReactNode } from 'react';

/** Title row of a page with its main actions on the right. */
export function PageHeader({ title, extra }: { title: string; extra?: ReactNode }) {
  return (
    <div className="siyu-page-header">
      <h1>{title}</h1>
      {extra && <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>{extra}</div>}
    </div>
  );
}
