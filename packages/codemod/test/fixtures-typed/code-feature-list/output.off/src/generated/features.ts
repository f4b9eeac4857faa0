// Generated from the feature service's schema. Do not edit by hand.
export type AppFeatures = {
    'dark-mode': boolean;
    'wide-layout': boolean;
};

export type FeatureName = keyof AppFeatures;
