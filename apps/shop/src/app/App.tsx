import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { ConfigProvider } from 'antd-mobile';
import enUS from 'antd-mobile/es/locales/en-US';
import zhCN from 'antd-mobile/es/locales/zh-CN';
import { RouterProvider } from 'react-router/dom';
import { ApiError, setUnauthorizedHandler } from '../api/client';
import { queryKeys } from '../api/session';
import { useLanguage } from '../i18n';
import { router } from './routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; network and 5xx errors get two more tries.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

// A write that finds the session gone: refetch GET me, which turns the cached session into null.
setUnauthorizedHandler((slug) => void queryClient.invalidateQueries({ queryKey: queryKeys.session(slug) }));

export function App() {
  const { language } = useLanguage();
  return (
    <QueryClientProvider client={queryClient}>
      <ConfigProvider locale={language === 'en' ? enUS : zhCN}>
        <RouterProvider router={router} />
      </ConfigProvider>
    </QueryClientProvider>
  );
}
