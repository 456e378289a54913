import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type AddsSeries = {
  days: string[];
  adds: number[];
  netAdds: number[];
  firstOrders: number[];
  labels: { adds: string; netAdds: string; firstOrders: string };
};

/** Adds (bars), net adds and first orders (lines) per day. */
export function AddsChart({ data }: { data: AddsSeries }) {
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
    const { labels } = data;
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [labels.adds, labels.netAdds, labels.firstOrders] },
        grid: { left: 48, right: 24, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: data.days },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: labels.adds, type: 'bar', data: data.adds, itemStyle: { color: '#91caff' } },
          { name: labels.netAdds, type: 'line', data: data.netAdds, color: '#1677ff' },
          { name: labels.firstOrders, type: 'line', data: data.firstOrders, color: '#fa8c16' },
        ],
      },
      true,
    );
  }, [data]);

  return <div ref={el} style={{ width: '100%', height: 320 }} data-testid="live-code-chart" />;
}
