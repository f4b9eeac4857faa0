import { SalesChannelFeatureFlag } from '../flags/feature-flags';
import { featureFlagRouter } from '../flags/router';
import type { CreateProductRequest } from '../dto/create-product';

export interface Product {
  title: string;
  channels: string[];
}

export function createProduct(request: CreateProductRequest, defaultChannel: string): Product {
  const product: Product = { title: request.title, channels: [] };
  if (featureFlagRouter.isFeatureEnabled(SalesChannelFeatureFlag.key)) {
    product.channels = request.sales_channels ?? [defaultChannel];
  }
  return product;
}
