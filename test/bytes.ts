// Byte helpers shared by the test generators.

/** The parts one after another in a fresh Uint8Array (the core's own helper). */
export { concatBytes as concat } from '../src/core/text';
