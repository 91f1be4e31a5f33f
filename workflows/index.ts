export * from './tenant';
export * from './document-booking';
