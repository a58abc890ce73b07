// Registers <wc-latency-chart> once.
import { LatencyChart } from './latency-chart';

if (!customElements.get('wc-latency-chart')) customElements.define('wc-latency-chart', LatencyChart);
