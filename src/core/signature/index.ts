// The signature's public surface: read a prov's signature block and check every packet in it
// against the keys given, as evidence (verdict/rules.ts decides what it means).
export { checkSignatures, describePackets, readSignatures, SignatureReadError } from './signature';
export type { SignatureEvidence, SignaturePacketInfo } from './signature';
export { describeSigner, type SignerInfo } from './signer';
