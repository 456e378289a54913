import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type JoinsSeries = {
  days: string[];
  groups: { name: string; joins: number[] }[];
  leaves: number[];
  leavesLabel: string;
};

/** Joins per day stacked by group (bars) and leaves (line). */
export function JoinsChart({ data }: { data: JoinsSeries }) {
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
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, type: 'scroll' },
        grid: { left: 48, right: 24, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: data.days },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          ...data.groups.map((g) => ({ name: g.name, type: 'bar', stack: 'joins', data: g.joins })),
          { name: data.leavesLabel, type: 'line', data: data.leaves, color: '#fa541c' },
        ],
      },
      true,
    );
  }, [data]);

  return <div ref={el} style={{ width: '100%', height: 320 }} data-testid="group-code-chart" />;
}
