// Every sentence chartproof says about a verdict is written here, and only here: the
// rules and Helm's model hand over codes, these modules turn them into words.
export * from './verdict';
export * from './details';
export * from './helm';
export * from './keys';
export * from './archive';
export * from './headline';
export * from './repo';
