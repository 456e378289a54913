import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, LineChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type LandingSeries = {
  days: string[];
  visits: number[];
  adds: number[];
  conversions: number[];
  labels: { visits: string; adds: string; conversions: string };
};

/** Visits (bars) with code adds and estimated conversions (lines) per day. */
export function LandingChart({ data }: { data: LandingSeries }) {
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
    const l = data.labels;
    chart.current?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0, data: [l.visits, l.adds, l.conversions] },
        grid: { left: 40, right: 16, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: data.days.map((d) => d.slice(5)) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [
          { name: l.visits, type: 'bar', data: data.visits, itemStyle: { color: '#91caff' } },
          { name: l.adds, type: 'line', data: data.adds, color: '#faad14' },
          { name: l.conversions, type: 'line', data: data.conversions, color: '#52c41a' },
        ],
      },
      true,
    );
  }, [data]);

  return <div ref={el} style={{ width: '100%', height: 280 }} data-testid="landing-chart" />;
}
