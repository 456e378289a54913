import { NavBar } from 'antd-mobile';
import type { ReactNode } from 'react';
import { useNavigate } from 'react-router';
import { shopPath, useSlug } from './useSlug';

type PageProps = {
  title: ReactNode;
  children: ReactNode;
  right?: ReactNode;
  /** Where "back" goes when this page was opened directly (no history to go back to). */
  fallback?: string;
};

/** A page pushed over the tabs: a NavBar with a back arrow, like a mini-program sub-page. */
export function Page({ title, children, right, fallback }: PageProps) {
  const navigate = useNavigate();
  const slug = useSlug();
  const back = () => {
    const idx = (window.history.state as { idx?: number } | null)?.idx ?? 0;
    if (idx > 0) navigate(-1);
    else navigate(fallback ?? shopPath(slug), { replace: true });
  };
  return (
    <div className="page">
      <NavBar className="page__nav" onBack={back} right={right}>
        {title}
      </NavBar>
      <div className="page__body">{children}</div>
    </div>
  );
}
