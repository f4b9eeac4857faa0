const SharedBanner = (): string => 'Free returns for 30 days';

export default SharedBanner;
