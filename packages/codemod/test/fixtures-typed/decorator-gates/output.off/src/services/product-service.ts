import type { CreateProductRequest } from '../dto/create-product';

export interface Product {
  title: string;
  channels: string[];
}

export function createProduct(request: CreateProductRequest, defaultChannel: string): Product {
  const product: Product = { title: request.title, channels: [] };
  return product;
}
