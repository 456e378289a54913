import { App } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker } from 'react-router';

/**
 * Leaving with unsaved changes asks first — except after a save (`markSaved`), which navigates on its
 * own. `markDirty` on the first change.
 */
export function useUnsavedGuard() {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const [dirty, setDirty] = useState(false);
  const saved = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !saved.current && currentLocation.pathname !== nextLocation.pathname,
  );
  const blockerRef = useRef(blocker);
  blockerRef.current = blocker;
  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    const settle = (go: boolean) => {
      const b = blockerRef.current;
      if (b.state !== 'blocked') return;
      if (go) b.proceed();
      else b.reset();
    };
    modal.confirm({
      title: t('catalog.editor.unsaved'),
      okText: t('common.confirm'),
      cancelText: t('common.cancel'),
      onOk: () => settle(true),
      onCancel: () => settle(false),
    });
  }, [blocker.state, modal, t]);
  return {
    markDirty: () => setDirty(true),
    markSaved: () => {
      saved.current = true;
    },
  };
}

/** Ctrl+S / ⌘S runs `save` from anywhere on the page (instead of the browser's "save page"). */
export function useSaveShortcut(enabled: boolean, save: () => void) {
  useEffect(() => {
    const onKeyDown = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.key.toLowerCase() !== 's') return;
      e.preventDefault();
      if (enabled) save();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [enabled, save]);
}
