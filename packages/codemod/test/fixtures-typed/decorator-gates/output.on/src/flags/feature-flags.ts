export interface FeatureFlagSettings {
  key: string;
  default_val: boolean;
  description: string;
}

export const SalesChannelFeatureFlag: FeatureFlagSettings = {
  key: 'sales_channels',
  default_val: false,
  description: 'Sell products in several channels',
};

export const TaxInclusivePricingFeatureFlag: FeatureFlagSettings = {
  key: 'tax_inclusive_pricing',
  default_val: false,
  description: 'Prices that include tax',
};
