// Team rule packs (docs/rule-packs.md): sources from configuration, safe bundle reading, OPA bundle
// signatures, and loading every pack beside the built-in one. Re-exported by the policy door.
export { loadPacks, openPack, packFilePrefix, readSourceFiles } from './load';
export type { LoadPacksOptions, OpenedPack } from './load';
export { parsePackSettings, resolvePath } from './settings';
export { readTarGz, writeTarGz, safeMemberPath, DEFAULT_TAR_LIMITS } from './tar';
export type { TarEntry, TarLimits, TarReadResult } from './tar';
export { verifyBundleSignatures, createSignatures, resolveKeys, fileDigest, canonicalJson, SIGNATURES_FILE } from './signatures';
export type { SignatureCheck, VerificationKey } from './signatures';
export { readGitHead, commitMatches } from './git';
export type { GitHead } from './git';
export { assemblePack } from './bundle';
export type { AssembledPack, BundleManifest } from './bundle';
export { DEFAULT_PACK_SETTINGS, SIGNATURE_ALGORITHMS } from './types';
export type { LoadedPacks, PackDirEntry, PackKey, PackReader, PackSettings, PackSource, PackStatus, SignatureAlgorithm } from './types';
export { runWasmSandbox } from './wasm-sandbox';
