// Registers <wc-state-switch> once.
import { StateSwitch } from './state-switch';

if (!customElements.get('wc-state-switch')) customElements.define('wc-state-switch', StateSwitch);
