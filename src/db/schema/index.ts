export * from './enums.js';
export * from './workspaces.js';
export * from './clients.js';
export * from './activity.js';
export * from './digests.js';
export * from './decisions.js';
export * from './audit.js';
export * from './requests.js';
