import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type StatsSeries = {
  days: string[];
  orders: number[];
  gmvYuan: number[];
  labels: { orders: string; gmv: string };
};

/** Paid orders (bars, left axis) and GMV in yuan (line, right axis) per day. */
export function StatsChart({ data }: { data: StatsSeries }) {
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
        legend: { top: 0, data: [data.labels.orders, data.labels.gmv] },
        grid: { left: 48, right: 64, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: data.days },
        yAxis: [
          { type: 'value', minInterval: 1 },
          { type: 'value', axisLabel: { formatter: '¥{value}' } },
        ],
        series: [
          { name: data.labels.orders, type: 'bar', data: data.orders, itemStyle: { color: '#91caff' } },
          { name: data.labels.gmv, type: 'line', yAxisIndex: 1, data: data.gmvYuan, color: '#1677ff' },
        ],
      },
      true,
    );
  }, [data]);

  return <div ref={el} style={{ width: '100%', height: 320 }} data-testid="stats-chart" />;
}
