import { SalesChannelFeatureFlag } from '../flags/feature-flags';
import { FeatureFlagDecorators } from '../flags/router';
import { IsArray, IsOptional, IsString } from './validators';

export class CreateProductRequest {
  @IsString()
  title = '';

  @FeatureFlagDecorators(SalesChannelFeatureFlag.key, [IsOptional(), IsArray()])
  sales_channels?: string[];
}
