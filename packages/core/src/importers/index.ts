export { importRegistry } from './import-registry.js';
export { VENDOR_FORMATS, type ImportedFlag, type ImportOptions, type ImportResult, type VendorFormat } from './imported-flag.js';
