import { wecomSettingsRoutes } from '@siyu/contracts';
import { useQuery } from '@tanstack/react-query';
import { call } from '../../api/client';

export const wecomSettingsKey = ['wecom-settings'] as const;

export const useWecomSettings = () =>
  useQuery({ queryKey: wecomSettingsKey, queryFn: () => call(wecomSettingsRoutes.get) });
