// Registers <wc-positions-table> once.
import { PositionsTable } from './positions-table';

if (!customElements.get('wc-positions-table')) customElements.define('wc-positions-table', PositionsTable);
