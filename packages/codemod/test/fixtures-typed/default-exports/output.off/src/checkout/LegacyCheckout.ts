import { formatLegacyTotal } from './legacy-format';
import banner from './SharedBanner';

/** The checkout before the rebuild. */
const LegacyCheckout = (total: number): string => `${banner()} | pay ${formatLegacyTotal(total)}`;

export default LegacyCheckout;
