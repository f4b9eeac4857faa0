/**
 * `@flagdebt/core/files`: which files of a project are scanned, and their texts. The scanner,
 * the codemod and history discover a project the same way (include/exclude, nested `.gitignore`
 * files, `node_modules` never), and screen out binary, minified and huge files alike.
 */
export { absentFromListing, diskListing, diskScanHost, globMatcher, prunedFolders, relativePath, type FolderNames, type ListFilesOptions, type RawSource, type ScanHost } from './scan-host.js';
export { discoverFiles, compareStrings, type DiscoveredFiles } from './discover-files.js';
export { loadSources, type LoadedSources, type LoadProblem } from './load-sources.js';
export { PathRules } from './path-rules.js';
export { MAX_FILE_BYTES, isMinified, screenRaw, screenText, type ScreenVerdict } from './source-screen.js';
export { GitignoreRules, patternScreen } from './gitignore.js';
export { prefetchingScanHost } from './prefetch.js';
