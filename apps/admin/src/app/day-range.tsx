import { DatePicker } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';

export type DayRange = [Dayjs, Dayjs] | null;

/** A range of days for a stats query: the picker's value and the `{from, to}` (YYYY-MM-DD) to send; empty = the default span. */
export function useDayRange() {
  const [range, setRange] = useState<DayRange>(null);
  const query = range ? { from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') } : {};
  return { range, setRange, query };
}

export function DayRangePicker({
  range,
  setRange,
  label,
}: {
  range: DayRange;
  setRange: (r: DayRange) => void;
  label?: string;
}) {
  return (
    <DatePicker.RangePicker
      value={range}
      onChange={(v) => setRange(v?.[0] && v[1] ? [v[0], v[1]] : null)}
      aria-label={label}
      allowClear
    />
  );
}
