import { Badge } from 'antd-mobile';
import type { ReactNode } from 'react';

/** A label with the number of orders waiting in that status (nothing shown for 0). */
export function CountBadge({
  count,
  testId,
  children,
}: {
  count: number | undefined;
  testId: string;
  children: ReactNode;
}) {
  const n = count ?? 0;
  return (
    <span data-testid={testId} data-count={n}>
      <Badge content={n > 0 ? (n > 99 ? '99+' : n) : null} style={{ '--right': '-10px', '--top': '2px' }}>
        {children}
      </Badge>
    </span>
  );
}
