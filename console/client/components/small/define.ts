// Registers the small widgets (<wc-time>, <wc-link-status>, <wc-drift>, <wc-state-badge>) once.
import { DriftBadge } from './drift-badge';
import { LinkStatus } from './link-status';
import { StateBadge } from './state-badge';
import { TimeAgo } from './time-ago';

if (!customElements.get('wc-time')) customElements.define('wc-time', TimeAgo);
if (!customElements.get('wc-link-status')) customElements.define('wc-link-status', LinkStatus);
if (!customElements.get('wc-drift')) customElements.define('wc-drift', DriftBadge);
if (!customElements.get('wc-state-badge')) customElements.define('wc-state-badge', StateBadge);
