import type { CreateProductRequest } from '../dto/create-product';

export interface Product {
  title: string;
  channels: string[];
}

export function createProduct(request: CreateProductRequest, defaultChannel: string): Product {
  const product: Product = { title: request.title, channels: [] };
  product.channels = request.sales_channels ?? [defaultChannel];
  return product;
}
