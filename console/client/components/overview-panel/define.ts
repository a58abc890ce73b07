// Registers <wc-overview> once.
import { OverviewPanel } from './overview-panel';

if (!customElements.get('wc-overview')) customElements.define('wc-overview', OverviewPanel);
