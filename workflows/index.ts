export * from './tenant';
export * from './document-booking';
export * from './organisation-roles';
