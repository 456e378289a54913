import { unstableSetRender } from 'antd-mobile';
import { createRoot, type Root } from 'react-dom/client';

// antd-mobile's imperative APIs (Toast.show, Dialog.confirm) call ReactDOM.render, which React 19
// removed. Give them a createRoot-based renderer once, before anything shows a toast.
// See notes/stack-check.md §5.
unstableSetRender((node, container) => {
  const c = container as (Element | DocumentFragment) & { _reactRoot?: Root };
  c._reactRoot ??= createRoot(c);
  const root = c._reactRoot;
  root.render(node);
  return async () => {
    await new Promise((resolve) => setTimeout(resolve, 0));
    root.unmount();
    c._reactRoot = undefined;
  };
});
