// Registers <wc-live-feed> once.
import { LiveFeed } from './live-feed';

if (!customElements.get('wc-live-feed')) customElements.define('wc-live-feed', LiveFeed);
