import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type DailySeries = {
  name: string;
  type: 'bar' | 'line';
  data: number[];
  color?: string;
  /** Bars with the same stack sit on each other (e.g. joins per group). */
  stack?: string;
  /** On the second, right-hand axis (e.g. money beside counts). */
  right?: boolean;
};

export type DailyChartProps = {
  /** Category labels, one a day (e.g. MM-DD). */
  days: string[];
  series: DailySeries[];
  /** Label format of the right-hand axis, when a series uses it (e.g. '¥{value}'). */
  rightAxisFormat?: string;
  height?: number;
  testId?: string;
};

/** Figures per day as bars and lines (ECharts, resized with its box): the admin's one chart. */
export function DailyChart({ days, series, rightAxisFormat, height = 320, testId }: DailyChartProps) {
  const el = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);

  useEffect(() => {
    if (!el.current) return;
    const c = echarts.init(el.current);
    chart.current = c;
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    const twoAxes = series.some((s) => s.right);
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 48, right: twoAxes ? 64 : 24, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: days },
        yAxis: twoAxes
          ? [
              { type: 'value', minInterval: 1 },
              { type: 'value', axisLabel: rightAxisFormat ? { formatter: rightAxisFormat } : {} },
            ]
          : { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          name: s.name,
          type: s.type,
          data: s.data,
          ...(s.stack ? { stack: s.stack } : {}),
          ...(s.right ? { yAxisIndex: 1 } : {}),
          ...(s.color ? (s.type === 'bar' ? { itemStyle: { color: s.color } } : { color: s.color }) : {}),
        })),
      },
      true,
    );
  }, [days, series, rightAxisFormat]);

  return <div ref={el} style={{ width: '100%', height }} data-testid={testId} />;
}
